package com.zmart.contracts.topic;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Everything a producer, a consumer or the platform needs to know about one topic: its name, what its
 * keys and values are, and how the broker keeps it. Instances live only in {@link Topics}.
 *
 * @param name          topic name
 * @param keyType       Java type of the key (keys are plain strings, serialized with Kafka's StringSerde)
 * @param valueType     Java type of the value: a generated Avro class, or {@code byte[]} for dead-letter topics
 * @param partitions    partition count the topic is created with
 * @param cleanupPolicy delete (time-bounded history) or compact (latest value per key)
 * @param retention     how long records are kept; empty means forever
 */
public record TopicSpec<K, V>(String name, Class<K> keyType, Class<V> valueType, int partitions,
                              CleanupPolicy cleanupPolicy, Optional<Duration> retention) {

    public enum CleanupPolicy {
        DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
        COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

        private final String config;

        CleanupPolicy(String config) {
            this.config = config;
        }

        public String config() {
            return config;
        }
    }

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition");
        }
    }

    /** Registry subject of the value schema (TopicNameStrategy: {@code <topic>-value}). */
    public String valueSubject() {
        return name + "-value";
    }

    /** True when values are Avro records whose schema is registered under {@link #valueSubject()}. */
    public boolean hasAvroValue() {
        return SpecificRecord.class.isAssignableFrom(valueType);
    }

    /** The schema of the generated value class, exactly as the Java code sees it. */
    public Schema valueSchema() {
        if (!hasAvroValue()) {
            throw new IllegalStateException("Topic " + name + " carries raw bytes, not Avro");
        }
        return SpecificData.get().getSchema(valueType);
    }

    /** Broker-side topic configuration (cleanup policy and retention). */
    public Map<String, String> brokerConfig() {
        String retentionMs = retention.map(d -> Long.toString(d.toMillis())).orElse("-1");
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.config(),
                TopicConfig.RETENTION_MS_CONFIG, retentionMs);
    }
}
