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
    void composeAcceptsTheClusterOverrideAndTheDocumentedScalingRange() throws Exception {
        Result cluster = run(Map.of(), "--env-file", ".env.example", "-f", "docker-compose.yml", "-f", "compose.cluster.yml",
                "config", "-q");
        assertThat(cluster.exitCode()).as(cluster.output()).isZero();
        Result scaled = run(Map.of("REWARDS_HOST_PORTS", "8101-8103"), "--env-file", ".env.example", "-f", "docker-compose.yml",
                "config");
        assertThat(scaled.exitCode()).as(scaled.output()).isZero();
        assertThat(scaled.output()).contains("127.0.0.1:8101-8103:8091");
    }

    @Test
    void withNoEnvFileAndNothingSetComposeAcceptsTheFilesWithTheirLocalDemoDefaults() throws Exception {
        Path empty = Files.createTempFile("zmart-empty", ".env");
        try {
            for (List<String> files : List.of(List.of("-f", "docker-compose.yml"),
                    List.of("-f", "docker-compose.yml", "-f", "compose.cluster.yml"))) {
                List<String> args = new ArrayList<>(List.of("--env-file", empty.toString()));
                args.addAll(files);
                args.add("config");
                Result result = run(Map.of(), args.toArray(String[]::new));
                assertThat(result.exitCode()).as(files + ": " + result.output()).isZero();
                assertThat(result.output()).as(files.toString())
                        .contains("POSTGRES_PASSWORD: local-demo-postgres-password", "LINK_SECRET: local-demo-link-secret",
                                "ZMART_API_KEYS: zmart-local-demo-key", "mem_limit: 1g")
                        .doesNotContain("WARNING");
                // docker-compose 1.29 drops pull_policy when it merges two files (Compose v2 keeps it); its `up` builds a
                // missing image that has build: rather than pulling it, so the overlay loses nothing there.
                if (files.contains("compose.cluster.yml")) {
                    assertThat(result.output()).doesNotContain("pull_policy");
                } else {
                    assertThat(result.output().split("pull_policy: build", -1)).hasSize(10);
                }
            }
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void theSimulatorsRunByDefaultAndOneVariableTurnsThemOff() throws Exception {
        Path empty = Files.createTempFile("zmart-empty", ".env");
        try {
            Result on = run(Map.of(), "--env-file", empty.toString(), "-f", "docker-compose.yml", "config");
            assertThat(on.exitCode()).as(on.output()).isZero();
            assertThat(serviceBlock(on.output(), "register-simulator")).contains("scale: 1").doesNotContain("profiles");
            assertThat(serviceBlock(on.output(), "campaign-simulator")).contains("scale: 1").doesNotContain("profiles");
            Result off = run(Map.of("ZMART_SIMULATORS", "0"), "--env-file", empty.toString(), "-f", "docker-compose.yml", "config");
            assertThat(off.exitCode()).as(off.output()).isZero();
            assertThat(serviceBlock(off.output(), "register-simulator")).contains("scale: 0");
            assertThat(serviceBlock(off.output(), "campaign-simulator")).contains("scale: 0");
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void aRequiredVariableLeftUnsetStillFailsHere() throws Exception {
        // The scrubbed environment is what makes the test above mean something: a file that needs a variable fails.
        Path broken = PROJECT.resolve("deployment-checks/target/required-variable-compose.yml");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, """
                services:
                  app:
                    image: zmart/app:1.0
                    environment:
                      PASSWORD: ${ZMART_TEST_PASSWORD:?set ZMART_TEST_PASSWORD}
                """);
        Path empty = Files.createTempFile("zmart-empty", ".env");
        try {
            Result result = run(Map.of(), "--env-file", empty.toString(), "-f", broken.toString(), "config", "-q");
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("ZMART_TEST_PASSWORD");
        } finally {
            Files.delete(empty);
        }
    }

    /** The lines of one service in {@code config}'s output (services at two spaces, their keys deeper). */
    private static String serviceBlock(String config, String service) {
        StringBuilder block = new StringBuilder();
        boolean in = false;
        for (String line : config.split("\n")) {
            if (line.matches("^  [A-Za-z0-9_.-]+:\\s*$") || !line.startsWith(" ")) {
                in = line.equals("  " + service + ":");
            } else if (in) {
                block.append(line).append('\n');
            }
        }
        assertThat(block).as("service " + service + " in the config output").isNotEmpty();
        return block.toString();
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
