package com.zmart.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Compose itself validates the files: {@code docker-compose config -q} (Debian's {@code docker-compose} package, which
 * needs no Docker engine for this), skipped where the command is not installed.
 */
class DockerComposeConfigTest {

    private static final Path PROJECT = RepositoryDeploymentTest.PROJECT;

    private record Result(int exitCode, String output) {
    }

    private static Path dockerCompose() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "docker-compose"))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path binary = dockerCompose();
        assumeTrue(binary != null, "docker-compose is not installed (apt-get install --no-install-recommends docker-compose)");
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
        // Only what the test gives: no variable of the machine changes the outcome.
        builder.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void composeAcceptsTheFileWithTheLocalValues() throws Exception {
        Result result = run(Map.of(), "--env-file", ".env.example", "-f", "docker-compose.yml", "config", "-q");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void composeAcceptsTheClusterOverrideAndTheSimulatorsProfile() throws Exception {
        Result cluster = run(Map.of(), "--env-file", ".env.example", "-f", "docker-compose.yml", "-f", "compose.cluster.yml",
                "config", "-q");
        assertThat(cluster.exitCode()).as(cluster.output()).isZero();
        Result simulators = run(Map.of(), "--env-file", ".env.example", "-f", "docker-compose.yml", "--profile", "simulators",
                "config", "-q");
        assertThat(simulators.exitCode()).as(simulators.output()).isZero();
        Result scaled = run(Map.of("REWARDS_HOST_PORTS", "8091-8093"), "--env-file", ".env.example", "-f", "docker-compose.yml",
                "config");
        assertThat(scaled.exitCode()).as(scaled.output()).isZero();
        assertThat(scaled.output()).contains("127.0.0.1:8091-8093:8091");
    }

    @Test
    void withoutThePasswordsComposeRefusesToStart() throws Exception {
        Path empty = Files.createTempFile("zmart-empty", ".env");
        try {
            Result result = run(Map.of(), "--env-file", empty.toString(), "-f", "docker-compose.yml", "config", "-q");
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("POSTGRES_PASSWORD");
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void composeRejectsABrokenFile() throws Exception {
        Path broken = PROJECT.resolve("deployment-checks/target/broken-compose.yml");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, """
                services:
                  app:
                    image: zmart/app:1.0
                    depends_on:
                      db:
                        condition: service_sometime
                """);
        Result result = run(Map.of(), "-f", broken.toString(), "config", "-q");
        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }
}
