package com.zmart.rewards.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import com.zmart.rewards.RewardsFixtures;
import com.zmart.rewards.config.RewardsProperties;
import com.zmart.rewards.deadletter.DeadLetterHandler;
import com.zmart.rewards.deadletter.DeadLetterPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    @Test
    void streamsRunExactlyOnceWithStandbysAndTheDeadLetterHandler() {
        DeadLetterPublisher publisher = publisher();

        Properties config = StreamsSettings.streamsProperties(RewardsFixtures.properties(), publisher);

        assertThat(config)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "zmart-rewards-test")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/tmp/unused")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class)
                .containsEntry(DeadLetterHandler.PUBLISHER_CONFIG, publisher);
        // The configuration is one Kafka Streams accepts.
        assertThat(new StreamsConfig(config).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void extraSettingsApplyLastAndConnectionSettingsReachTheDeadLetterProducer() {
        RewardsProperties defaults = RewardsFixtures.properties();
        RewardsProperties secured = new RewardsProperties(defaults.points(), defaults.thresholds(), defaults.tiers(),
                defaults.couponDiscountPercent(), defaults.dedupRetention(), defaults.applicationId(),
                defaults.bootstrapServers(), defaults.registryUrl(), defaults.stateDir(), 3,
                Map.of("security.protocol", "SSL", "num.stream.threads", "4"));

        assertThat(StreamsSettings.streamsProperties(secured, publisher()))
                .containsEntry("security.protocol", "SSL").containsEntry("num.stream.threads", "4")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
        assertThat(StreamsSettings.deadLetterProducerProperties(secured))
                .containsEntry("security.protocol", "SSL").doesNotContainKey("num.stream.threads")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private static DeadLetterPublisher publisher() {
        return new DeadLetterPublisher(MockProducer::new, Duration.ofSeconds(1));
    }
}
