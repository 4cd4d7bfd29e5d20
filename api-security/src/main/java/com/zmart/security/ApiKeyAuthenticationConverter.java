package com.zmart.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads the key of a request from {@code X-API-Key}; no header (or a blank one) means no key was presented. */
public final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

    /** The request header that carries the key (streams-support forwards it between instances under this name). */
    public static final String HEADER = "X-API-Key";

    @Override
    public ApiKeyAuthentication convert(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        return key == null || key.isBlank() ? null : ApiKeyAuthentication.presented(key.strip());
    }
}
