package com.zmart.trends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the service at the test JVM's local platform, with its own state directory. Every integration test of the
 * module uses exactly these settings, so Spring reuses one application context for all of them.
 */
public final class PlatformProperties {

    private PlatformProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        LocalPlatform platform = LocalPlatformExtension.running();
        registry.add("zmart.sales-trends.bootstrap-servers", platform::bootstrapServers);
        registry.add("zmart.sales-trends.registry-url", () -> platform.registry().apiV3Url());
        registry.add("zmart.sales-trends.state-dir", PlatformProperties::newStateDir);
    }

    public static String newStateDir() {
        try {
            return Files.createTempDirectory("sales-trends-state-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
