package com.zmart.streams.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import com.zmart.streams.error.DeadLetterDeserializationHandler;
import com.zmart.streams.error.DeadLetterProcessingHandler;
import com.zmart.streams.error.DeadLetterPublisher;
import com.zmart.streams.error.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The Kafka Streams configuration every service of the suite runs with: exactly-once v2, one standby replica per
 * store (interactive queries fall back to it), the dead-letter handlers, and {@code application.server} so that
 * instances can find each other's keys.
 *
 * @param applicationId     {@code application.id}: consumer group and internal topic prefix
 * @param bootstrapServers  Kafka brokers
 * @param stateDir          where the local state stores live
 * @param replicationFactor replication of the internal (changelog, repartition) topics
 * @param deadLetterTopic   where records that cannot be deserialized or processed go
 * @param instanceId        this instance's stable name in the consumer group ({@code group.instance.id}, static
 *                          membership), or blank for none: an instance restarted under the same name takes its
 *                          tasks back at once instead of waiting for the dead one's session to time out (45 s);
 *                          two running instances must never share one
 * @param overrides         further Streams or client settings (security, tuning), applied last
 */
public record StreamsRuntimeSettings(String applicationId, String bootstrapServers, String stateDir,
                                     int replicationFactor, String deadLetterTopic, String instanceId,
                                     Map<String, String> overrides) {

    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);
    static final int TRANSACTION_RETRY_BACKOFF_MS = 20;

    public StreamsRuntimeSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public Properties streamsProperties(HostInfo applicationServer, DeadLetterPublisher deadLetters) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer.host() + ":" + applicationServer.port());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // A transaction's first records reach a partition while the broker may still be writing the previous
        // transaction's markers; it answers CONCURRENT_TRANSACTIONS, which the producer retries after retry.backoff.ms
        // (100 ms, doubling: KAFKA-18654). On a busy cluster many commits meet it; 20 ms, what the client waited for
        // the same answer before transactions v2 (KAFKA-5477), halves them (performance.md, the poison test).
        config.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), TRANSACTION_RETRY_BACKOFF_MS);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        config.put(DeadLetters.PUBLISHER_CONFIG, Objects.requireNonNull(deadLetters, "deadLetters"));
        config.put(DeadLetters.TOPIC_CONFIG, deadLetterTopic);
        if (instanceId != null) {
            // Only the group's consumers get it, each stream thread's with its own suffix (-1, -2, ...).
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        config.putAll(overrides);
        return config;
    }

    /** A publisher whose producer (idempotent, acks=all, same cluster and security) connects at the first letter. */
    public DeadLetterPublisher deadLetterPublisher() {
        Properties producerConfig = deadLetterProducerProperties();
        return new DeadLetterPublisher(() -> new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer()), DEAD_LETTER_TIMEOUT);
    }

    Properties deadLetterProducerProperties() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-dead-letters");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // How long a commit waits, at most, for the dead letters before it (DeadLetterPublisher.awaitAcknowledged).
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DEAD_LETTER_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DEAD_LETTER_TIMEOUT.dividedBy(2).toMillis());
        overrides.forEach((key, value) -> {
            // Connection settings (security, SASL, SSL) the streams clients get apply to this producer too.
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, value);
            }
        });
        return config;
    }
}
