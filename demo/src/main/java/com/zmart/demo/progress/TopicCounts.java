package com.zmart.demo.progress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records of the suite's topics as they arrive (a group-less {@code read_committed} consumer
 * from the beginning; values are not deserialized). End offsets would over-count: transactional topics also hold
 * commit markers.
 */
public final class TopicCounts implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Thread thread;

    private TopicCounts(KafkaConsumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::poll, "topic-counts");
        this.thread.setDaemon(true);
    }

    public static TopicCounts start(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = Topics.ALL.stream().flatMap(topic -> consumer.partitionsFor(topic.name()).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        TopicCounts counts = new TopicCounts(consumer);
        counts.thread.start();
        return counts;
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(500)).forEach(record ->
                        counts.computeIfAbsent(record.topic(), t -> new AtomicLong()).incrementAndGet());
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public long count(TopicSpec<?, ?> topic) {
        AtomicLong count = counts.get(topic.name());
        return count == null ? 0 : count.get();
    }

    /** Records in the four dead-letter topics together. */
    public long deadLettered() {
        return Topics.ALL.stream().filter(t -> t.name().endsWith(".dlt")).mapToLong(this::count).sum();
    }

    /** One line: what went through the suite so far. */
    public String progressLine() {
        return ("clicks %,d · sale lines %,d · coupons emailed %,d · trends %,d · attributions %,d · reorders %,d"
                + " · restocks %,d · dead-lettered %,d")
                .formatted(count(Topics.CLICKS), count(Topics.SALES), count(Topics.COUPON_EMAILS),
                        count(Topics.SALES_TRENDS), count(Topics.CAMPAIGN_ATTRIBUTIONS), count(Topics.REORDERS),
                        count(Topics.RESTOCKS), deadLettered());
    }

    public Map<String, Long> snapshot() {
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
