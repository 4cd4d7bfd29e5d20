package com.zmart.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Builds a service's security: the requests it names need a valid {@code X-API-Key}; every other request (health,
 * metrics, OpenAPI, public reads) stays open, exactly as before security existed. A service declares, e.g.
 * <pre>{@code
 * @Bean
 * SecurityFilterChain security(HttpSecurity http, ApiKeySecurity apiKeys) throws Exception {
 *     return apiKeys.filterChain(http, ApiKeySecurity.path("/api/rewards/**"));
 * }
 * }</pre>
 */
public final class ApiKeySecurity {

    private final AuthenticationManager apiKeys;
    private final AuthenticationEntryPoint unauthorized;

    public ApiKeySecurity(AuthenticationManager apiKeys, AuthenticationEntryPoint unauthorized) {
        this.apiKeys = apiKeys;
        this.unauthorized = unauthorized;
    }

    /** Every method on paths matching {@code pattern} ({@code /api/rewards/**} includes {@code /api/rewards}). */
    public static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** Every request that may change something under {@code pattern}: all methods but GET and HEAD. */
    public static RequestMatcher writes(String pattern) {
        RequestMatcher reads = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, pattern));
        return new AndRequestMatcher(path(pattern), new NegatedRequestMatcher(reads));
    }

    /**
     * @param protectedRequests the requests that need a key; at least one
     */
    public SecurityFilterChain filterChain(HttpSecurity http, RequestMatcher... protectedRequests) throws Exception {
        if (protectedRequests.length == 0) {
            throw new IllegalArgumentException("Name the requests that need an API key");
        }
        RequestMatcher needsKey = new OrRequestMatcher(List.of(protectedRequests));

        AuthenticationFilter keys = new AuthenticationFilter(apiKeys, new ApiKeyAuthenticationConverter());
        // Keys are read on protected requests only: an open endpoint answers the same with or without a (wrong) key.
        keys.setRequestMatcher(needsKey);
        keys.setSuccessHandler(new ContinueChain());
        // A wrong key gets the very answer of a missing one.
        keys.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));

        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(needsKey).authenticated()
                        .anyRequest().permitAll())
                .addFilterBefore(keys, AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                // Each request carries its key; nothing is remembered between requests, no session is ever created.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // CSRF does not apply: it abuses credentials a browser adds on its own (cookies, a session, HTTP basic).
                // A key travels in a header that only the client's own code sets, which a forged cross-site request
                // cannot add, and these services set no cookie and keep no session.
                .csrf(AbstractHttpConfigurer::disable)
                // Token APIs for programs: no login page, no basic-auth prompt, no logout endpoint.
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
