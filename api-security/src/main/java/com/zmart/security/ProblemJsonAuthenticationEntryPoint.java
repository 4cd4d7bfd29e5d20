package com.zmart.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a protected request without a valid key: the same answer whether the key was missing or wrong, so a caller
 * cannot tell a near miss from no attempt. {@code WWW-Authenticate} names the scheme and header (RFC 9110 requires
 * the header on a 401).
 */
public final class ProblemJsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String CHALLENGE = "ApiKey header=\"" + ApiKeyAuthenticationConverter.HEADER + "\"";
    static final String DETAIL = "This endpoint needs a valid API key in the " + ApiKeyAuthenticationConverter.HEADER
            + " header.";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        ProblemJson.write(response, HttpStatus.UNAUTHORIZED, DETAIL, request.getRequestURI());
    }
}
