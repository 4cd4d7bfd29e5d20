package com.zmart.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API keys this instance accepts in {@code X-API-Key}: {@code zmart.security.api-keys}, which every service's
 * application.yml fills from the environment variable {@code ZMART_API_KEYS} (comma-separated) and nothing else.
 * Several keys at once let a key be rotated without downtime (ADR 0011). None at all: every protected endpoint
 * answers 401; there is deliberately no default key.
 *
 * @param apiKeys the accepted keys; blanks and surrounding spaces ({@code "a, b,"}) are dropped
 */
@ConfigurationProperties("zmart.security")
public record ApiSecurityProperties(List<String> apiKeys) {

    public ApiSecurityProperties {
        apiKeys = apiKeys == null ? List.of()
                : apiKeys.stream().map(String::strip).filter(key -> !key.isEmpty()).distinct().toList();
    }

    /** Never the keys themselves: this object may be printed by a failure analysis or a debugger's log line. */
    @Override
    public String toString() {
        return "ApiSecurityProperties[apiKeys=" + apiKeys.size() + " configured]";
    }
}
