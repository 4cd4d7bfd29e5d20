package com.zmart.inventory;

import com.zmart.platform.junit.LocalPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that run the service on the test JVM's real platform (Kafka, registry,
 * PostgreSQL). They all share these settings, so Spring starts one application context for all of them.
 */
@LocalPlatformTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceOnPlatform {

    /** The instance's name in its consumer group (static membership). */
    protected static final String STATIC_MEMBER = "inventory-it";

    /** The service's database, for arranging items and checking what the service wrote. */
    @Autowired
    protected JdbcClient jdbc;

    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformProperties.register(registry);
        // Several consumers of zmart.sales, as several instances would be: their polls sell the same items, so the
        // tests see the polls' transactions wait on each other's row locks (the service's default is one).
        registry.add("zmart.inventory.listener.sales-concurrency", () -> 3);
        registry.add("zmart.inventory.listener.instance-id", () -> STATIC_MEMBER);
    }
}
