package com.zmart.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import com.zmart.platform.postgres.PostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the service at the test JVM's local platform. Every {@code @SpringBootTest} of the module registers exactly
 * these settings, so Spring reuses one application context for all of them.
 */
public final class PlatformProperties {

    /** The platform's database for the service. */
    public static final String DATABASE = "inventory";
    /** The key the service accepts for writes in the tests (zmart.security.api-keys, ZMART_API_KEYS in a deployment). */
    public static final String API_KEY = "inventory-it-key-0123456789";

    private PlatformProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        of(LocalPlatformExtension.running(), DATABASE).forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * Starts the service with these settings as command-line arguments: they override application.yml (the
     * builder's default properties would not).
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(InventoryApplication.class).run(arguments);
    }

    /** The service's settings against {@code platform}, with its stock in {@code database}. */
    public static Map<String, Object> of(LocalPlatform platform, String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", platform.bootstrapServers());
        properties.put("zmart.inventory.registry-url", platform.registry().apiV3Url());
        properties.put("spring.datasource.url", platform.postgres().orElseThrow().jdbcUrl(database));
        properties.put("spring.datasource.username", PostgresServer.USER);
        properties.put("spring.datasource.password", "");
        properties.put("zmart.security.api-keys", API_KEY);
        // Failing records reach the dead-letter topic after a short while instead of minutes.
        properties.put("zmart.inventory.dead-letter.retries", 2);
        properties.put("zmart.inventory.dead-letter.initial-interval", "100ms");
        return properties;
    }
}
