package com.zmart.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import com.zmart.platform.PlatformStartupException;
import com.zmart.platform.Ports;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Real KRaft Kafka brokers in this JVM (Kafka's own cluster test kit, through spring-kafka-test), listening on
 * loopback. With three brokers the cluster behaves like production: replication factor 3, min.insync.replicas 2.
 */
public final class KafkaBrokers implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker cluster;

    private KafkaBrokers(EmbeddedKafkaKraftBroker cluster) {
        this.cluster = cluster;
    }

    public static KafkaBrokers start(int count, int firstPort) {
        int[] ports = IntStream.range(0, count)
                .map(i -> Ports.claim(firstPort == 0 ? 0 : firstPort + i, "Kafka broker " + (i + 1), "--kafka-port"))
                .toArray();
        Map<String, String> config = new HashMap<>();
        config.put("auto.create.topics.enable", "false");
        config.put("num.partitions", "3");
        config.put("default.replication.factor", Integer.toString(count));
        config.put("min.insync.replicas", Integer.toString(Math.min(2, count)));
        // Internal topics (consumer offsets, transactions) follow the cluster size, so exactly-once works on 1 broker.
        config.put("offsets.topic.replication.factor", Integer.toString(count));
        config.put("transaction.state.log.replication.factor", Integer.toString(count));
        config.put("transaction.state.log.min.isr", Integer.toString(Math.min(2, count)));
        config.put("group.initial.rebalance.delay.ms", "0");
        EmbeddedKafkaKraftBroker cluster = new EmbeddedKafkaKraftBroker(count, 1);
        cluster.kafkaPorts(ports);
        cluster.brokerProperties(config);
        try {
            cluster.afterPropertiesSet();
        } catch (RuntimeException e) {
            safeDestroy(cluster);
            throw new PlatformStartupException("Kafka did not start: " + e.getMessage(), e);
        }
        return new KafkaBrokers(cluster);
    }

    /** Comma-separated host:port list for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return cluster.getBrokersAsString();
    }

    @Override
    public void close() {
        safeDestroy(cluster);
    }

    private static void safeDestroy(EmbeddedKafkaKraftBroker cluster) {
        try {
            cluster.destroy();
        } catch (RuntimeException ignored) {
            // Shutting down a half-started cluster can throw; nothing is left to release then.
        }
    }
}
