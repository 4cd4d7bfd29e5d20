package com.zmart.platform.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.zmart.platform.process.ChildProcess;
import com.zmart.platform.process.HttpReadiness;
import com.zmart.platform.process.PlatformStartupException;
import com.zmart.platform.process.Ports;


/**
 * A real Apicurio Registry server, run as a child process on Java 21+, storing its schemas in an H2 file under
 * the data directory. Clients use {@code /apis/registry/v3} (Apicurio serdes), {@code /apis/registry/v2}
 * (the Connect converter) or {@code /apis/ccompat/v7} (any Confluent-compatible client).
 */
public final class ApicurioRegistry implements AutoCloseable {

    private static final int REQUIRED_JAVA = 21;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final ChildProcess process;
    private final int port;

    private ApicurioRegistry(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ApicurioRegistry start(int requestedPort, Path dataDirectory, Path cacheDirectory, Path logFile) {
        int port = Ports.claim(requestedPort, "the Schema Registry", "--registry-port");
        int managementPort = Ports.anyFree();
        Path java = JavaRuntimeLocator.javaExecutable(REQUIRED_JAVA);
        Path jar = RegistryDistribution.fromBuild().runnableJar(cacheDirectory);
        Path storage = dataDirectory.resolve("registry");
        try {
            Files.createDirectories(storage);
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new PlatformStartupException("Cannot create " + storage + ": " + e.getMessage(), e);
        }
        List<String> command = List.of(java.toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + Ports.LOOPBACK,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=" + Ports.LOOPBACK,
                "-Dquarkus.management.port=" + managementPort,
                "-Dapicurio.datasource.url=jdbc:h2:file:" + storage.resolve("registry").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dquarkus.http.access-log.enabled=false",
                "-Dquarkus.log.category.\"io.apicurio\".level=WARN",
                "-jar", jar.toString());
        ChildProcess process = ChildProcess.start("apicurio-registry", command, jar.getParent(), logFile);
        ApicurioRegistry registry = new ApicurioRegistry(process, port);
        try {
            registry.awaitReady(logFile);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return registry;
    }

    private void awaitReady(Path logFile) {
        HttpReadiness.await(baseUrl() + "/apis/registry/v3/system/info", "The Schema Registry", STARTUP_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new PlatformStartupException("The Schema Registry (Apicurio) exited during startup: "
                        + lastLines(logFile) + " (full log: " + logFile + ")");
            }
        });
    }

    private static String lastLines(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public String baseUrl() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    /** Apicurio's own API, used by the service serdes. */
    public String apiV3Url() {
        return baseUrl() + "/apis/registry/v3";
    }

    /** Apicurio's v2 API, used by the Kafka Connect converter. */
    public String apiV2Url() {
        return baseUrl() + "/apis/registry/v2";
    }

    /** The Confluent-compatible API: what any Confluent-ecosystem client points at. */
    public String confluentCompatibleUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    public List<Long> processTree() {
        return process.processTree();
    }

    @Override
    public void close() {
        process.close();
    }
}
