package com.zmart.inventory.messaging;

import java.util.List;
import java.util.Map;

import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.LoggingProducerListener;

/**
 * Two producers, both idempotent with {@code acks=all} so an acknowledged record is on every in-sync replica and a
 * retried send is never written twice: Avro records (the outbox relay, and dead letters that are records), and raw
 * bytes (dead letters kept exactly as they arrived).
 */
@Configuration(proxyBeanMethods = false)
class KafkaProducersConfiguration {

    @Bean
    ProducerFactory<String, SpecificRecord> avroProducerFactory(KafkaProperties kafka, TopicSerdes serdes) {
        // The topics the outbox relays; each producer gets serializers of its own, configured by the catalog.
        return new DefaultKafkaProducerFactory<>(durable(kafka), StringSerializer::new,
                () -> serdes.valueSerializer(List.of(Topics.REORDERS, Topics.INVENTORY_LEVELS)), false);
    }

    @Bean
    KafkaTemplate<String, SpecificRecord> outboxTemplate(ProducerFactory<String, SpecificRecord> avroProducerFactory) {
        return quiet(new KafkaTemplate<>(avroProducerFactory));
    }

    @Bean
    ProducerFactory<String, byte[]> bytesProducerFactory(KafkaProperties kafka) {
        Serializer<byte[]> bytes = new ByteArraySerializer();
        return new DefaultKafkaProducerFactory<>(durable(kafka), new StringSerializer(), bytes);
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterBytesTemplate(ProducerFactory<String, byte[]> bytesProducerFactory) {
        return quiet(new KafkaTemplate<>(bytesProducerFactory));
    }

    private static Map<String, Object> durable(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The relay sends a batch and waits for it: a short linger groups it without delaying reorders noticeably.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }

    /** Failed sends are logged without the record: a sale in a dead letter carries a customer id. */
    private static <V> KafkaTemplate<String, V> quiet(KafkaTemplate<String, V> template) {
        LoggingProducerListener<String, V> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        template.setProducerListener(listener);
        return template;
    }
}
