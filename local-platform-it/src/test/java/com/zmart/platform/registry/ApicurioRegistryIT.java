package com.zmart.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.zmart.platform.process.ProcessTrees;
import com.zmart.platform.process.PlatformStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioRegistryIT {

    @TempDir
    Path dir;

    @Test
    void aRegistryThatDiesDuringStartupIsOneClearErrorWithItsLastLogLines() throws Exception {
        // A corrupt server jar in the cache: the registry JVM starts and exits at once.
        Path home = Files.createDirectories(dir.resolve("cache/apicurio-registry-3.3.3"));
        Files.writeString(home.resolve("quarkus-run.jar"), "not a jar");
        Set<Long> before = ProcessTrees.descendants();

        assertThatThrownBy(() -> ApicurioRegistry.start(0, dir.resolve("data"), dir.resolve("cache"), dir.resolve("logs/registry.log")))
                .isInstanceOf(PlatformStartupException.class)
                .hasMessageContaining("exited during startup")
                .hasMessageContaining("corrupt jarfile")
                .hasMessageContaining("registry.log");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ProcessTrees.startedOutside(before)).as("processes left behind").isEmpty());
    }
}
