package com.zmart.platform.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One KRaft node (broker and controller) in a JVM of its own, as {@code kafka-server-start.sh} runs it: the platform
 * starts these as child processes when its nodes must be killable one by one ({@code PlatformOptions.ownProcesses}).
 * Its argument is the node's properties file, written by {@link KafkaBrokers}; SIGTERM stops it, SIGKILL crashes it.
 */
public final class KafkaNodeMain {

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-node-stop"));
        server.startup();
        server.awaitShutdown();
    }
}
