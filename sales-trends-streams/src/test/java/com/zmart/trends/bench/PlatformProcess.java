package com.zmart.trends.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.zmart.platform.cli.LocalPlatformCli;
import com.zmart.platform.process.ChildProcess;

/**
 * The local platform (Kafka, Schema Registry) in a JVM of its own, started with its command line, as a service meets
 * it in a deployment: the benchmark's JVM then holds the topology only, and its first pass pays for compiling the
 * topology and the clients, not the broker. A {@link ChildProcess}, so it cannot outlive the benchmark; its output is
 * in {@code platform.log} beside its data.
 */
final class PlatformProcess implements AutoCloseable {

    private static final String BOOTSTRAP = "Kafka bootstrap servers";
    private static final String REGISTRY = "Schema Registry (Apicurio API)";
    private static final long START_TIMEOUT_MS = 180_000;

    private final ChildProcess process;
    private final String bootstrapServers;
    private final String registryUrl;

    private PlatformProcess(ChildProcess process, String bootstrapServers, String registryUrl) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Starts the platform on free ports, without Connect, with its data in {@code dataDirectory}; waits until ready. */
    static PlatformProcess start(Path dataDirectory) throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        Path log = dataDirectory.resolve("platform.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess process = ChildProcess.start("platform", List.of(java, "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), LocalPlatformCli.class.getName(),
                "--data-dir", dataDirectory.toString(), "--kafka-port", "0", "--registry-port", "0",
                "--postgres-port", "0", "--connect-port", "0", "--smtp-port", "0", "--no-connect"),
                dataDirectory, log);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            List<String> output = Files.readAllLines(log);
            if (output.stream().anyMatch(line -> line.contains("Press Ctrl-C"))) {
                return new PlatformProcess(process, endpoint(output, BOOTSTRAP), endpoint(output, REGISTRY));
            }
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.close();
                throw new IllegalStateException("The platform did not start; see " + log);
            }
            Thread.sleep(200);
        }
    }

    /** The value the command line printed for {@code name} among its endpoints. */
    private static String endpoint(List<String> output, String name) {
        Optional<String> line = output.stream().map(String::trim).filter(l -> l.startsWith(name)).findFirst();
        return line.map(l -> l.substring(name.length()).trim())
                .orElseThrow(() -> new IllegalStateException("The platform printed no " + name));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    @Override
    public void close() {
        process.close();
    }
}
