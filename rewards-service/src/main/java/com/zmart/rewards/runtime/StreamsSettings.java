package com.zmart.rewards.runtime;

import java.util.Objects;
import java.util.Properties;

import com.zmart.rewards.config.RewardsProperties;
import com.zmart.rewards.deadletter.DeadLetterHandler;
import com.zmart.rewards.deadletter.DeadLetterPublisher;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of the service, built from {@link RewardsProperties} alone (no Spring). */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties streamsProperties(RewardsProperties properties, DeadLetterPublisher deadLetters) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        config.put(DeadLetterHandler.PUBLISHER_CONFIG, Objects.requireNonNull(deadLetters, "deadLetters"));
        config.putAll(properties.streams());
        return config;
    }

    /** Settings of the dead-letter producer: idempotent, every replica acknowledges, same cluster. */
    public static Properties deadLetterProducerProperties(RewardsProperties properties) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.applicationId() + "-dead-letters");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.streams().forEach((key, value) -> {
            // Connection settings (security, SASL, SSL) the streams clients get apply to this producer too.
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, value);
            }
        });
        return config;
    }
}
