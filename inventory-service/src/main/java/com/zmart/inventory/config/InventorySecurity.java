package com.zmart.inventory.config;

import com.zmart.security.ApiKeySecurity;
import com.zmart.security.ApiKeySecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every write of the API needs an API key ({@code X-API-Key}): reorder policies ({@code PUT /api/stock/**}),
 * restocks ({@code POST /api/restocks}) and whatever non-GET endpoint comes next under {@code /api}, so a new write
 * is protected without anyone remembering to. Stock reads, health, metrics and OpenAPI stay open.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiKeySecurityConfiguration.class)
public class InventorySecurity {

    static final String API = "/api/**";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeySecurity apiKeys) throws Exception {
        return apiKeys.filterChain(http, ApiKeySecurity.writes(API));
    }
}
