package com.zmart.hardening;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far a consumer group (a Streams application id, or inventory's group) is behind: the records between its
 * committed offsets and the last stable offsets of the partitions it reads. Cheap, so tests poll it while the
 * services catch up, instead of reading every figure over and over.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final String bootstrapServers;

    ConsumerLag(Suite suite) {
        bootstrapServers = suite.bootstrapServers();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers());
        admin = Admin.create(config);
    }

    /** Records not yet committed by {@code group} on the partitions of the topics {@code reads} accepts. */
    long lag(String group, Predicate<String> reads) {
        Map<String, Long> byTopic = lagByTopic(group, reads);
        return byTopic.isEmpty() ? Long.MAX_VALUE : byTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The same, per topic (none when the group has committed nothing on them yet). */
    Map<String, Long> lagByTopic(String group, Predicate<String> reads) {
        Map<String, Long> lag = new TreeMap<>();
        offsets(group, reads).forEach((partition, offsets) ->
                lag.merge(partition.topic(), offsets.behind(), Long::sum));
        return lag;
    }

    /**
     * The group's committed offset and the last stable offset of each partition of the topics {@code reads} accepts
     * (none before it has committed on them).
     */
    Map<TopicPartition, Offsets> offsets(String group, Predicate<String> reads) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().stream().filter(p -> reads.test(p.topic()))
                    .forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, Offsets> offsets = new HashMap<>();
            if (latest.isEmpty()) {
                return offsets;
            }
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata offset = committed.get(partition);
                offsets.put(partition, new Offsets(offset == null ? 0 : offset.offset(), end.offset()));
            });
            return offsets;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The group's state, coordinator and members with their assignments. */
    ConsumerGroupDescription describe(String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot describe " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A partition as a group has it: where it committed, and the end it can read to. */
    record Offsets(long committed, long lastStable) {

        long behind() {
            return Math.max(0, lastStable - committed);
        }
    }

    /** Lag of the group on zmart.sales and, for Streams applications, on their own repartition topics. */
    long salesLag(String group) {
        return lag(group, ConsumerLag.readBy(group));
    }

    /** {@link #salesLag} per topic, the group's own topics without its prefix: which stage is behind. */
    Map<String, Long> salesLagByTopic(String group) {
        Map<String, Long> byTopic = new TreeMap<>();
        lagByTopic(group, readBy(group)).forEach((topic, lag) -> byTopic.put(topic.replace(group + "-", ""), lag));
        return byTopic;
    }

    /**
     * True when the group has committed every record of zmart.sales and its own topics. A lag of a few offsets may be
     * transaction markers only (a consumer that commits "last record + 1" stops before a trailing marker), so the
     * offsets in between are read to tell.
     */
    boolean caughtUp(String group) {
        long lag = salesLag(group);
        if (lag == 0) {
            return true;
        }
        if (lag > 50) {
            return false;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = committed.keySet().stream().filter(p -> readBy(group).test(p.topic()))
                        .toList();
                consumer.assign(partitions);
                partitions.forEach(p -> consumer.seek(p, committed.get(p).offset()));
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    if (!consumer.poll(Duration.ofMillis(200)).isEmpty() || System.nanoTime() > deadline) {
                        return false;
                    }
                }
                return true;
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<String> readBy(String group) {
        return topic -> topic.equals("zmart.sales") || topic.startsWith(group + "-");
    }

    /** Committed offsets the group holds on zmart.sales, summed over the partitions. */
    long salesCommitted(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals("zmart.sales") && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
