package com.zmart.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Import it in a service, then declare a {@code SecurityFilterChain} with {@link ApiKeySecurity}.
 *
 * <p>The {@link AuthenticationManager} bean (API keys, nothing else) also makes Spring Boot's
 * {@code UserDetailsServiceAutoConfiguration} back off: no default user, no generated password in the log.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiKeySecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiKeySecurityConfiguration.class);
    /** Shorter keys are guessable; they are accepted (local runs) but reported. */
    static final int RECOMMENDED_MIN_LENGTH = 16;

    @Bean
    AuthenticationManager apiKeyAuthenticationManager(ApiSecurityProperties properties) {
        // Counts only: a key never reaches a log.
        if (properties.apiKeys().isEmpty()) {
            log.warn("No API key configured (ZMART_API_KEYS): every endpoint that needs one answers 401");
        } else {
            log.info("{} API key(s) configured (ZMART_API_KEYS)", properties.apiKeys().size());
        }
        long weak = properties.apiKeys().stream().filter(key -> key.length() < RECOMMENDED_MIN_LENGTH).count();
        if (weak > 0) {
            log.warn("{} API key(s) shorter than {} characters: use long random keys outside local runs", weak,
                    RECOMMENDED_MIN_LENGTH);
        }
        return new ProviderManager(new ApiKeyAuthenticationProvider(properties));
    }

    @Bean
    ProblemJsonAuthenticationEntryPoint apiKeyAuthenticationEntryPoint() {
        return new ProblemJsonAuthenticationEntryPoint();
    }

    /** Spring Security's firewall picks this bean up: its refusals become problem+json too. */
    @Bean
    RequestRejectedHandler problemJsonRequestRejectedHandler() {
        return new ProblemJsonRequestRejectedHandler();
    }

    @Bean
    ApiKeySecurity apiKeySecurity(AuthenticationManager apiKeyAuthenticationManager,
                                  ProblemJsonAuthenticationEntryPoint unauthorized) {
        return new ApiKeySecurity(apiKeyAuthenticationManager, unauthorized);
    }
}
