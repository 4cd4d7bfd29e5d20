package com.zmart.inventory.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.zmart.contracts.sale.SaleLineRules;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.Restock;
import com.zmart.events.Sale;
import com.zmart.inventory.config.InventoryProperties;
import com.zmart.inventory.restock.RestockRules;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Listener containers for sales (a poll at a time) and restocks (a record at a time). Values go through the topic's
 * deserializer from the catalog, then the record's rules, inside an {@link ErrorHandlingDeserializer}: a record that
 * fails either reaches the error handler with its original bytes (for sales, through the listener), which it writes to
 * the dead-letter topic, and the container goes on with the next record.
 */
@Configuration(proxyBeanMethods = false)
class ListenerContainersConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Sale> saleListenerFactory(
            KafkaProperties kafka, InventoryProperties properties, TopicSerdes serdes, CommonErrorHandler errorHandler) {
        var factory = factory(kafka, properties, serdes, Topics.SALES, "sales", SaleLineRules::problems,
                properties.listener().salesConcurrency(), errorHandler);
        // A poll of sale lines is applied in one database transaction (SaleLineService).
        factory.setBatchListener(true);
        // After a bad record the error handler hands the rest of the poll back through a poll of the paused consumer;
        // with that poll's default 100 ms wait, 1,000 bad records would cost 100 s.
        factory.getContainerProperties().setPollTimeoutWhilePaused(Duration.ZERO);
        return factory;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Restock> restockListenerFactory(
            KafkaProperties kafka, InventoryProperties properties, TopicSerdes serdes, CommonErrorHandler errorHandler) {
        return factory(kafka, properties, serdes, Topics.RESTOCKS, "restocks", RestockRules::problems,
                properties.listener().restocksConcurrency(), errorHandler);
    }

    private static <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(
            KafkaProperties kafka, InventoryProperties properties, TopicSerdes serdes, TopicSpec<String, T> topic,
            String listener, Function<T, List<String>> rules, int concurrency, CommonErrorHandler errorHandler) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        // Offsets are committed by the container after the records are applied (at-least-once; applying is idempotent).
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Static membership: a crashed instance started again resumes at once instead of after the session timeout
        // (45 s) of its former self; spring-kafka suffixes each of the listener's consumers -0, -1, ...
        properties.listener().groupInstanceId(listener)
                .ifPresent(id -> config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        // Each consumer gets deserializers of its own, configured by the catalog (the factory leaves them as they are):
        // a consumer closes its deserializers when it stops.
        ConcurrentKafkaListenerContainerFactory<String, T> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, () -> serdes.keyDeserializer(topic),
                () -> new ErrorHandlingDeserializer<>(new ValidatingDeserializer<>(serdes.valueDeserializer(topic), rules)),
                false));
        factory.setConcurrency(concurrency);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }
}
