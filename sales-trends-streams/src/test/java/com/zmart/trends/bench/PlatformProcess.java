package com.zmart.trends.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zmart.platform.cli.LocalPlatformCli;

/**
 * The local platform (Kafka, Schema Registry) in a JVM of its own, started with its command line, as a service meets
 * it in a deployment: the benchmark's JVM then holds the topology only, and its first pass pays for compiling the
 * topology and the clients, not the broker. Stopped with SIGTERM (its shutdown hook stops the platform).
 */
final class PlatformProcess implements AutoCloseable {

    private static final String BOOTSTRAP = "Kafka bootstrap servers";
    private static final String REGISTRY = "Schema Registry (Apicurio API)";

    private final Process process;
    private final String bootstrapServers;
    private final String registryUrl;

    private PlatformProcess(Process process, String bootstrapServers, String registryUrl) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Starts the platform on free ports, without Connect, with its data in {@code dataDirectory}; waits until ready. */
    static PlatformProcess start(Path dataDirectory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                LocalPlatformCli.class.getName(), "--data-dir", dataDirectory.toString(), "--kafka-port", "0",
                "--registry-port", "0", "--postgres-port", "0", "--connect-port", "0", "--smtp-port", "0",
                "--no-connect")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        List<String> output = new ArrayList<>();
        String bootstrap = null;
        String registry = null;
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.contains("Press Ctrl-C")) {
            output.add(line);
            if (line.trim().startsWith(BOOTSTRAP)) {
                bootstrap = line.substring(line.indexOf(BOOTSTRAP) + BOOTSTRAP.length()).trim();
            } else if (line.trim().startsWith(REGISTRY)) {
                registry = line.substring(line.indexOf(REGISTRY) + REGISTRY.length()).trim();
            }
        }
        if (line == null || bootstrap == null || registry == null) {
            process.destroyForcibly();
            throw new IllegalStateException("The platform did not start:\n" + String.join("\n", output));
        }
        // Its further output (the broker's log) is not needed, but the pipe must not fill up and block it.
        Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "platform-output");
        drain.setDaemon(true);
        drain.start();
        return new PlatformProcess(process, bootstrap, registry);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String registryUrl() {
        return registryUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
