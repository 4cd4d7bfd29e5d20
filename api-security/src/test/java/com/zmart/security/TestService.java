package com.zmart.security;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service as the suite's use the module: customer data and writes need a key, the rest stays open. */
@SpringBootApplication
@Import(ApiKeySecurityConfiguration.class)
class TestService {

    @Bean
    SecurityFilterChain security(HttpSecurity http, ApiKeySecurity apiKeys) throws Exception {
        return apiKeys.filterChain(http, ApiKeySecurity.path("/api/customers/**"), ApiKeySecurity.writes("/api/items/**"));
    }

    @RestController
    static class Endpoints {

        @GetMapping("/api/customers/{id}")
        Map<String, String> customer(@PathVariable String id) {
            return Map.of("id", id);
        }

        @GetMapping("/api/items/{id}")
        Map<String, String> item(@PathVariable String id) {
            return Map.of("id", id);
        }

        @PostMapping("/api/items/{id}")
        Map<String, String> changeItem(@PathVariable String id) {
            return Map.of("id", id, "changed", "true");
        }
    }
}
