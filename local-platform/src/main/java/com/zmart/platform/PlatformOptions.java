package com.zmart.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * What the local platform starts and where. Port 0 means "any free port" (what tests use); the command line
 * uses the fixed, documented defaults of {@link #defaults(Path)}.
 *
 * @param dataDirectory  where PostgreSQL, the registry and the logs keep their data between runs
 * @param brokers        1, or 3 for a cluster with replication factor 3 and min.insync.replicas=2
 * @param kafkaPort      first broker's port; further brokers take the following ports
 * @param pluginPath     Kafka Connect plugin directories (empty: plugins on the classpath only)
 * @param startConnect   whether to start the Kafka Connect worker
 * @param startPostgres  whether to start PostgreSQL
 * @param startSmtp      whether to start the SMTP server
 * @param ownProcesses   Kafka's nodes and the Connect worker each in a JVM of its own (child processes) instead of
 *                       this one, so that a fault test can crash one with SIGKILL
 */
public record PlatformOptions(Path dataDirectory, int brokers, int kafkaPort, int registryPort, int postgresPort,
                              int connectPort, int smtpPort, List<Path> pluginPath,
                              boolean startConnect, boolean startPostgres, boolean startSmtp,
                              boolean ownProcesses) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    public static final int DEFAULT_POSTGRES_PORT = 5433;
    public static final int DEFAULT_CONNECT_PORT = 8083;
    public static final int DEFAULT_SMTP_PORT = 2525;

    public PlatformOptions {
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("brokers must be 1 or 3, not " + brokers);
        }
        pluginPath = List.copyOf(pluginPath);
    }

    /** Everything on, fixed ports: what a person running the platform wants. */
    public static PlatformOptions defaults(Path dataDirectory) {
        return new PlatformOptions(dataDirectory, 1, DEFAULT_KAFKA_PORT, DEFAULT_REGISTRY_PORT, DEFAULT_POSTGRES_PORT,
                DEFAULT_CONNECT_PORT, DEFAULT_SMTP_PORT, List.of(), true, true, true, false);
    }

    /** Everything on, any free ports: what tests want, so that they never collide with a running platform. */
    public static PlatformOptions forTests(Path dataDirectory) {
        return new PlatformOptions(dataDirectory, 1, 0, 0, 0, 0, 0, List.of(), true, true, true, false);
    }

    public PlatformOptions withBrokers(int count) {
        return new PlatformOptions(dataDirectory, count, kafkaPort, registryPort, postgresPort, connectPort, smtpPort,
                pluginPath, startConnect, startPostgres, startSmtp, ownProcesses);
    }

    public PlatformOptions withPluginPath(List<Path> directories) {
        return new PlatformOptions(dataDirectory, brokers, kafkaPort, registryPort, postgresPort, connectPort, smtpPort,
                directories, startConnect, startPostgres, startSmtp, ownProcesses);
    }

    public PlatformOptions withPorts(int kafka, int registry, int postgres, int connect, int smtp) {
        return new PlatformOptions(dataDirectory, brokers, kafka, registry, postgres, connect, smtp,
                pluginPath, startConnect, startPostgres, startSmtp, ownProcesses);
    }

    public PlatformOptions withComponents(boolean connect, boolean postgres, boolean smtp) {
        return new PlatformOptions(dataDirectory, brokers, kafkaPort, registryPort, postgresPort, connectPort, smtpPort,
                pluginPath, connect, postgres, smtp, ownProcesses);
    }

    /** Kafka's nodes and the Connect worker in JVMs of their own: see {@code ownProcesses}. */
    public PlatformOptions withOwnProcesses() {
        return new PlatformOptions(dataDirectory, brokers, kafkaPort, registryPort, postgresPort, connectPort, smtpPort,
                pluginPath, startConnect, startPostgres, startSmtp, true);
    }

    /** Replication factor for the catalog's topics: every broker holds a copy. */
    public short replicationFactor() {
        return (short) brokers;
    }
}
