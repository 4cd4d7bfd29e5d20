package com.zmart.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.zmart.platform.process.PlatformStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimeLocatorTest {

    @TempDir
    Path jvms;

    @Test
    void picksTheFirstRuntimeThatIsNewEnough() throws IOException {
        Path java17 = fakeRuntime("17", "\"17.0.15\"");
        Path java25 = fakeRuntime("25", "\"25.0.1\"");

        assertThat(JavaRuntimeLocator.find(21, List.of(java17, java25))).contains(java25.resolve("bin/java"));
    }

    @Test
    void findsNothingWhenEveryRuntimeIsTooOld() throws IOException {
        assertThat(JavaRuntimeLocator.find(21, List.of(fakeRuntime("8", "\"1.8.0_392\""), fakeRuntime("17", "\"17\""))))
                .isEmpty();
    }

    @Test
    void readsTheVersionFormatsOfTheReleaseFile() throws IOException {
        assertThat(JavaRuntimeLocator.featureVersion(fakeRuntime("a", "\"1.8.0_392\""))).contains(8);
        assertThat(JavaRuntimeLocator.featureVersion(fakeRuntime("b", "\"21\""))).contains(21);
        assertThat(JavaRuntimeLocator.featureVersion(fakeRuntime("c", "\"25.0.1+8\""))).contains(25);
        assertThat(JavaRuntimeLocator.featureVersion(jvms.resolve("missing"))).isEmpty();
    }

    @Test
    void theErrorNamesTheFix() {
        // No runtime of version 999 exists anywhere: the message must say what to install or set.
        assertThatThrownBy(() -> JavaRuntimeLocator.javaExecutable(999, Map.of()))
                .isInstanceOf(PlatformStartupException.class)
                .hasMessageContaining("needs Java 999 or newer")
                .hasMessageContaining("ZMART_REGISTRY_JAVA_HOME");
    }

    @Test
    void anOverrideIsTheOnlyPlaceLookedAt() throws IOException {
        Path java25 = fakeRuntime("25", "\"25.0.1\"");
        assertThat(JavaRuntimeLocator.javaExecutable(21, Map.of("ZMART_REGISTRY_JAVA_HOME", java25.toString())))
                .isEqualTo(java25.resolve("bin/java"));

        // Too old: an error naming the variable and its version, even though a newer runtime may exist elsewhere.
        Path java17 = fakeRuntime("17", "\"17.0.15\"");
        assertThatThrownBy(() -> JavaRuntimeLocator.javaExecutable(21,
                Map.of("ZMART_REGISTRY_JAVA_HOME", java17.toString(), "JAVA_HOME", java25.toString())))
                .isInstanceOf(PlatformStartupException.class)
                .hasMessageContaining("ZMART_REGISTRY_JAVA_HOME=" + java17 + " is Java 17")
                .hasMessageContaining("Java 21 or newer");
        assertThatThrownBy(() -> JavaRuntimeLocator.javaExecutable(21,
                Map.of("ZMART_REGISTRY_JAVA_HOME", jvms.resolve("nowhere").toString())))
                .hasMessageContaining("is not a Java runtime home");
    }

    private Path fakeRuntime(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=" + version + "\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
