package com.zmart.platform.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.zmart.platform.LocalPlatform;
import com.zmart.platform.PlatformOptions;
import com.zmart.platform.process.Directories;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts one {@link LocalPlatform} per test JVM (per distinct configuration) on free ports and a temporary data
 * directory, and stops it, deleting its data, when the JVM's tests are done.
 */
public final class LocalPlatformExtension implements BeforeAllCallback, ParameterResolver {

    private static volatile LocalPlatform current;

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalPlatformTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalPlatformTest.class)
                .orElseThrow(() -> new IllegalStateException("Use @LocalPlatformTest to configure the platform"));
        String key = "zmart-platform:connect=" + settings.connect() + ":brokers=" + settings.brokers();
        SharedPlatform shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(key, k -> SharedPlatform.start(settings), SharedPlatform.class);
        current = shared.platform();
    }

    /** The platform of the test class running now. */
    public static LocalPlatform running() {
        return Optional.ofNullable(current)
                .orElseThrow(() -> new IllegalStateException("No local platform: annotate the test class with @LocalPlatformTest"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running();
    }

    /** Closed by JUnit when the root context closes, i.e. once, after the last test of the JVM. */
    record SharedPlatform(LocalPlatform platform, Path dataDirectory) implements AutoCloseable {

        static SharedPlatform start(LocalPlatformTest settings) {
            try {
                Path data = Files.createTempDirectory("zmart-platform-test-");
                PlatformOptions options = PlatformOptions.forTests(data)
                        .withBrokers(settings.brokers())
                        .withComponents(settings.connect(), true, true);
                return new SharedPlatform(LocalPlatform.start(options), data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            platform.close();
            Directories.deleteTree(dataDirectory);
        }
    }
}
