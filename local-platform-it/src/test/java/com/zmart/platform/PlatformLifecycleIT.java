package com.zmart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.zmart.platform.cli.LocalPlatformCli;
import com.zmart.platform.process.PlatformStartupException;
import com.zmart.platform.process.Ports;
import com.zmart.platform.process.ProcessTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping and failing to start leave nothing running behind. */
class PlatformLifecycleIT {

    @TempDir
    Path data;

    @Test
    void closingThePlatformStopsEveryChildProcess() {
        Set<Long> before = descendants(ProcessHandle.current());
        LocalPlatform platform = LocalPlatform.start(PlatformOptions.forTests(data).withComponents(false, true, true));
        Set<Long> during = descendants(ProcessHandle.current());
        assertThat(during).as("registry and PostgreSQL run as child processes").hasSizeGreaterThan(before.size());
        assertThat(during).containsAll(platform.childProcesses());

        platform.close();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(alive(during)).as("processes left behind").isSubsetOf(before));
    }

    @Test
    void aTakenPortIsOneClearErrorAndNothingIsLeftRunning() throws Exception {
        Set<Long> before = descendants(ProcessHandle.current());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            PlatformOptions options = PlatformOptions.forTests(data).withComponents(false, true, true)
                    .withPorts(0, taken.getLocalPort(), 0, 0, 0);

            assertThatThrownBy(() -> LocalPlatform.start(options))
                    .isInstanceOf(PlatformStartupException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for the Schema Registry is already in use")
                    .hasMessageContaining("--registry-port");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ProcessTrees.startedOutside(before)).as("processes left behind").isEmpty());
    }

    // Each bad start below goes through the command line, where Kafka and PostgreSQL start side by side with the
    // registry's attempt: the user sees one line and an exit code, and what did start is stopped again.

    @Test
    void noJava21IsOneLineFromTheCommandLineAndNothingIsLeftRunning() throws Exception {
        // A runtime home that says it is Java 17.
        Path java17 = Files.createDirectories(data.resolve("jdk-17/bin"));
        Files.writeString(java17.resolveSibling("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Files.writeString(java17.resolve("java"), "#!/bin/sh\nexit 1\n");

        assertThat(commandLineGivingUp(Map.of("ZMART_REGISTRY_JAVA_HOME", java17.getParent().toString()), 0))
                .contains("ZMART_REGISTRY_JAVA_HOME=" + java17.getParent() + " is Java 17")
                .contains("needs Java 21 or newer");
    }

    @Test
    void aRegistryThatDiesIsOneLineFromTheCommandLineAndNothingIsLeftRunning() throws Exception {
        // A corrupt server jar in the download cache: the registry JVM starts and exits at once.
        Path cache = data.resolve("cache");
        Files.writeString(Files.createDirectories(cache.resolve("apicurio-registry-3.3.3")).resolve("quarkus-run.jar"),
                "not a jar");

        assertThat(commandLineGivingUp(Map.of("ZMART_CACHE_DIR", cache.toString()), 0))
                .contains("The Schema Registry (Apicurio) exited during startup")
                .contains("corrupt jarfile")
                .contains("registry.log");
    }

    @Test
    void aTakenPortIsOneLineFromTheCommandLineAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThat(commandLineGivingUp(Map.of(), taken.getLocalPort()))
                    .contains("Port " + taken.getLocalPort() + " for the Schema Registry is already in use")
                    .contains("--registry-port");
        }
    }

    /**
     * Runs bin/zmart-platform's main class until it gives up, checks it exits with 1 and leaves no server on its data
     * directory, and returns the one line it printed about the failure.
     */
    private String commandLineGivingUp(Map<String, String> environment, int registryPort) throws Exception {
        Path dataDirectory = data.resolve("platform");
        ProcessBuilder command = new ProcessBuilder(javaCommand(LocalPlatformCli.class, "--data-dir",
                dataDirectory.toString(), "--kafka-port", "0", "--registry-port", Integer.toString(registryPort),
                "--postgres-port", "0", "--connect-port", "0", "--smtp-port", "0"));
        command.environment().putAll(environment);
        Path errors = data.resolve("stderr.txt");
        Process cli = command.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
        try {
            assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("the command line gave up").isTrue();
            assertThat(cli.exitValue()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(processesUsing(dataDirectory)).as("servers left on the data directory").isEmpty());
            List<String> ours = Files.readAllLines(errors).stream().filter(l -> l.startsWith("zmart-platform: ")).toList();
            assertThat(ours).as("stderr: %s", Files.readString(errors)).hasSize(1);
            return ours.get(0);
        } finally {
            cli.destroyForcibly();
        }
    }

    /** What the command line printed, for failure messages. */
    private final List<String> cliOutput = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void ctrlCStopsTheCommandLineAndEverythingItStarted() throws Exception {
        Process cli = startCommandLine();
        try {
            Set<Long> children = descendants(cli.toHandle());
            assertThat(children).isNotEmpty();

            new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

            assertThat(cli.waitFor(90, TimeUnit.SECONDS)).as("CLI stopped after Ctrl-C; it printed: %s", cliOutput).isTrue();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(alive(children)).isEmpty();
                assertThat(processesUsing(data)).isEmpty();
            });
        } finally {
            cli.destroyForcibly();
        }
    }

    @Test
    void killingTheCommandLineWithSigkillLeavesNoServerRunning() throws Exception {
        Process cli = startCommandLine();
        try {
            assertThat(processesUsing(data)).as("registry and PostgreSQL run on the data directory").isNotEmpty();

            cli.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            // No shutdown hook runs on SIGKILL: the guardians notice the JVM is gone and stop their servers.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processesUsing(data)).isEmpty());
        } finally {
            cli.destroyForcibly();
        }
    }

    /** Starts bin/zmart-platform's main class in its own JVM and returns once it printed its endpoints. */
    private Process startCommandLine() throws Exception {
        // Started as a terminal starts it, with SIGINT at its default: a job in the background of a non-interactive
        // shell ignores SIGINT, every process under it inherits that, and the JVM then leaves Ctrl-C ignored. Perl
        // (Debian's essential perl-base) restores the default and execs the JVM, which keeps the pid.
        List<String> command = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
        command.addAll(javaCommand(LocalPlatformCli.class, "--data-dir", data.toString(), "--kafka-port", "0",
                "--registry-port", "0", "--postgres-port", "0", "--connect-port", "0", "--smtp-port", "0"));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        var lines = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.contains("Press Ctrl-C")) {
            cliOutput.add(line);
        }
        assertThat(line).as("CLI output: %s", cliOutput).isNotNull();
        assertThat(cliOutput).anyMatch(l -> l.contains("Kafka bootstrap servers"))
                .anyMatch(l -> l.contains("/apis/ccompat/v7")).anyMatch(l -> l.contains("Kafka Connect REST API"));
        // Keep draining its output so that it never blocks on a full pipe.
        Thread drain = new Thread(() -> lines.lines().forEach(cliOutput::add), "cli-output");
        drain.setDaemon(true);
        drain.start();
        return cli;
    }

    /** Any process on this machine whose command line names the data directory (PostgreSQL, the registry). */
    private static Set<Long> processesUsing(Path dataDirectory) {
        String path = dataDirectory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(path))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    static List<String> javaCommand(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static Set<Long> descendants(ProcessHandle process) {
        return process.descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static Set<Long> alive(Set<Long> pids) {
        return pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .collect(Collectors.toSet());
    }
}
