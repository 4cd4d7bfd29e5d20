package com.zmart.clickstream;

import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the service at the test JVM's local platform. Every integration test of the module uses exactly these
 * settings, so Spring reuses one application context for all of them.
 */
public final class PlatformProperties {

    public static final String LINK_SECRET = "test-secret";
    public static final int MAX_BATCH_SIZE = 50;
    public static final int MAX_BODY_BYTES = 65_536;

    private PlatformProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        LocalPlatform platform = LocalPlatformExtension.running();
        registry.add("spring.kafka.bootstrap-servers", platform::bootstrapServers);
        registry.add("zmart.clickstream.registry-url", () -> platform.registry().apiV3Url());
        registry.add("zmart.clickstream.link-secret", () -> LINK_SECRET);
        registry.add("zmart.clickstream.max-batch-size", () -> MAX_BATCH_SIZE);
        registry.add("zmart.clickstream.max-body-bytes", () -> MAX_BODY_BYTES);
    }
}
