package com.zmart.rewards.runtime;

import java.time.Duration;
import java.util.Properties;

import com.zmart.rewards.config.RewardsProperties;
import com.zmart.rewards.deadletter.DeadLetterPublisher;
import com.zmart.rewards.topology.RewardsSerdes;
import com.zmart.rewards.topology.RewardsTopology;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the topology, its serdes and the dead-letter producer into a {@link RewardsStreams} lifecycle. */
@Configuration(proxyBeanMethods = false)
class RewardsStreamsConfiguration {

    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    Topology rewardsTopology(RewardsProperties properties) {
        return RewardsTopology.buildTopology(properties, RewardsSerdes.registry(properties.registryUrl()));
    }

    @Bean(destroyMethod = "close")
    DeadLetterPublisher deadLetterPublisher(RewardsProperties properties) {
        // The producer is created, and connects, at the first dead letter only.
        Properties producerConfig = StreamsSettings.deadLetterProducerProperties(properties);
        return new DeadLetterPublisher(() -> new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer()), DEAD_LETTER_TIMEOUT);
    }

    @Bean
    RewardsStreams rewardsStreams(Topology rewardsTopology, RewardsProperties properties,
                                  DeadLetterPublisher deadLetterPublisher) {
        return new RewardsStreams(rewardsTopology, StreamsSettings.streamsProperties(properties, deadLetterPublisher));
    }
}
