package com.zmart.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After an accepted key, the request simply goes on to its endpoint. (The default handler of Spring's
 * {@code AuthenticationFilter} is a login form's: it would redirect to a saved page and write to the response.)
 */
final class ContinueChain implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(ContinueChain.class);

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                        Authentication authentication) throws IOException, ServletException {
        // Which key (its position, never the key): during a rotation, shows when the old one is no longer used.
        log.debug("{} {} accepted with {}", request.getMethod(), request.getRequestURI(), authentication.getName());
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) {
        // Never called: the filter always uses the variant with the chain.
    }
}
