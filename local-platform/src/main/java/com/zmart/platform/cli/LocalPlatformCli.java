package com.zmart.platform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.zmart.platform.LocalPlatform;
import com.zmart.platform.PlatformOptions;
import com.zmart.platform.process.Directories;
import com.zmart.platform.process.PlatformStartupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zmart-platform}: starts the local platform, prints its endpoints, and stops everything on Ctrl-C. */
@Command(name = "zmart-platform", mixinStandardHelpOptions = true,
        description = "Runs ZMart's platform on this machine: Kafka, Schema Registry, PostgreSQL, Kafka Connect, SMTP.")
public final class LocalPlatformCli implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".zmart", description = "Where data is kept between runs (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--reset", description = "Delete the data directory before starting.")
    boolean reset;

    @Option(names = "--brokers", defaultValue = "1", description = "1, or 3 for replication factor 3 (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--kafka-port", defaultValue = "" + PlatformOptions.DEFAULT_KAFKA_PORT,
            description = "Port of the first Kafka broker (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "" + PlatformOptions.DEFAULT_REGISTRY_PORT,
            description = "Port of the Schema Registry (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int registryPort;

    @Option(names = "--postgres-port", defaultValue = "" + PlatformOptions.DEFAULT_POSTGRES_PORT,
            description = "Port of the PostgreSQL (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int postgresPort;

    @Option(names = "--connect-port", defaultValue = "" + PlatformOptions.DEFAULT_CONNECT_PORT,
            description = "Port of the Kafka Connect REST API (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int connectPort;

    @Option(names = "--smtp-port", defaultValue = "" + PlatformOptions.DEFAULT_SMTP_PORT,
            description = "Port of the SMTP server (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int smtpPort;

    @Option(names = "--plugin-path", split = ",", description = "Kafka Connect plugin directories.")
    List<Path> pluginPath = new ArrayList<>();

    @Option(names = "--no-connect", description = "Do not start the Kafka Connect worker.")
    boolean noConnect;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalPlatformCli()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (reset) {
            Directories.deleteTree(dataDirectory);
        }
        PlatformOptions options = PlatformOptions.defaults(dataDirectory)
                .withBrokers(brokers)
                .withPorts(kafkaPort, registryPort, postgresPort, connectPort, smtpPort)
                .withPluginPath(pluginPath)
                .withComponents(!noConnect, true, true);
        LocalPlatform platform = LocalPlatform.create(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before starting, so that Ctrl-C during startup stops what has started.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the ZMart platform...");
            platform.close();
            stopped.countDown();
        }, "zmart-platform-shutdown"));
        try {
            platform.start();
        } catch (PlatformStartupException e) {
            System.err.println("zmart-platform: " + e.getMessage());
            return 1;
        }
        System.out.println();
        System.out.println("ZMart platform is running:");
        platform.endpoints().forEach((name, value) -> System.out.printf("  %-34s %s%n", name, value));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
