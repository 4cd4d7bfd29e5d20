package com.zmart.rewards.config;

import com.zmart.security.ApiKeySecurity;
import com.zmart.security.ApiKeySecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Member lookups are customer data: they need an API key ({@code X-API-Key}), also when another instance forwards
 * them (it passes the caller's key on). Health, metrics and OpenAPI stay open for probes and scrapers.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiKeySecurityConfiguration.class)
public class RewardsSecurity {

    /** Every method, not only GET: anything else on these paths answers 401 rather than telling what exists. */
    static final String LOOKUPS = "/api/rewards/**";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeySecurity apiKeys) throws Exception {
        return apiKeys.filterChain(http, ApiKeySecurity.path(LOOKUPS));
    }
}
