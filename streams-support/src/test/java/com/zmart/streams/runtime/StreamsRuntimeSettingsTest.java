package com.zmart.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import com.zmart.streams.error.DeadLetterDeserializationHandler;
import com.zmart.streams.error.DeadLetterProcessingHandler;
import com.zmart.streams.error.DeadLetterPublisher;
import com.zmart.streams.error.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class StreamsRuntimeSettingsTest {

    private final DeadLetterPublisher publisher = new DeadLetterPublisher(MockProducer::new, java.time.Duration.ofSeconds(1));

    @Test
    void streamsRunExactlyOnceWithStandbysDeadLettersAndTheirAddress() {
        StreamsRuntimeSettings settings = new StreamsRuntimeSettings("app", "localhost:9092", "/tmp/state", 1,
                "zmart.x.dlt", " ", Map.of());

        Properties config = settings.streamsProperties(new HostInfo("10.0.0.7", 8091), publisher);

        assertThat(config)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "app")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "10.0.0.7:8091")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterDeserializationHandler.class)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class)
                .containsEntry(DeadLetters.PUBLISHER_CONFIG, publisher)
                .containsEntry(DeadLetters.TOPIC_CONFIG, "zmart.x.dlt")
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        // The stream threads' producers retry a commit's CONCURRENT_TRANSACTIONS answers sooner than other clients.
        assertThat(new StreamsConfig(config).getProducerConfigs("client").get(ProducerConfig.RETRY_BACKOFF_MS_CONFIG))
                .isEqualTo(StreamsRuntimeSettings.TRANSACTION_RETRY_BACKOFF_MS);
        // The configuration is one Kafka Streams accepts.
        assertThat(new StreamsConfig(config).getString(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("10.0.0.7:8091");
    }

    @Test
    void overridesApplyLastAndConnectionSettingsReachTheDeadLetterProducer() {
        StreamsRuntimeSettings settings = new StreamsRuntimeSettings("app", "localhost:9092", "/tmp/state", 3,
                "zmart.x.dlt", null, Map.of("security.protocol", "SSL", "num.stream.threads", "4"));

        assertThat(settings.streamsProperties(new HostInfo("h", 1), publisher))
                .containsEntry("security.protocol", "SSL").containsEntry("num.stream.threads", "4")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
        assertThat(settings.deadLetterProducerProperties())
                .containsEntry("security.protocol", "SSL").doesNotContainKey("num.stream.threads")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void anInstanceIdMakesEachStreamThreadAStaticMemberOfTheGroup() {
        StreamsRuntimeSettings settings = new StreamsRuntimeSettings("app", "localhost:9092", "/tmp/state", 1,
                "zmart.x.dlt", "rewards-0", Map.of());

        StreamsConfig config = new StreamsConfig(settings.streamsProperties(new HostInfo("h", 1), publisher));

        assertThat(config.getMainConsumerConfigs("app", "client", 2))
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "rewards-0-2");
        assertThat(config.getRestoreConsumerConfigs("client")).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(config.getGlobalConsumerConfigs("client")).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }
}
