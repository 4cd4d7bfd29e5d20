package com.zmart.inventory.error;

import java.util.List;

import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.deadletter.InvalidRecordException;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.inventory.config.InventoryProperties;
import com.zmart.inventory.stock.ItemNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Records that cannot be applied go to {@code zmart.inventory-service.dlt} and the listener goes on. Records that can
 * never succeed (undeserializable, invalid, a restock of an unknown item) go at once; others are retried with a
 * growing pause first. Dead letters are bytes (byte-array template): undeserializable and invalid records keep their
 * original bytes, records that did deserialize are written in their topic's contract. Headers: the suite's
 * {@link DeadLetterHeaders} ({@code zmart.dlt.reason} and the rest, as the Streams applications write them) and
 * spring-kafka's {@code kafka_dlt-*}, which its recoverer writes anyway.
 * If the dead letter cannot be written, the record is retried rather than skipped.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> deadLetterBytesTemplate,
                                                  InventoryProperties properties, TopicSerdes serdes,
                                                  MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new BytesDeadLetterRecoverer(deadLetterBytesTemplate,
                // The topics the listeners read: a record that deserialized goes back into its own topic's contract.
                serdes.valueSerializer(List.of(Topics.SALES, Topics.RESTOCKS)),
                // No partition: the producer picks it (the dead-letter topic has one).
                new TopicPartition(Topics.INVENTORY_DLT.name(), -1));
        recoverer.addHeadersFunction((record, failure) -> {
            DeadLetterReason reason = DeadLetterReasons.of(failure);
            meters.counter("zmart.inventory.dead-letters", "topic", record.topic(), "reason", reason.headerValue()).increment();
            return DeadLetterHeaders.of(reason, DeadLetterReasons.unwrapped(failure), record.topic(), record.partition(),
                    record.offset());
        });

        InventoryProperties.DeadLetter settings = properties.deadLetter();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialInterval().toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(settings.maxInterval().toMillis());

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidRecordException.class, ItemNotFoundException.class);
        // Keep the rest of a failed poll in memory instead of seeking back and fetching it again: re-fetched records
        // are deserialized again, and each unknown schema id among them costs a registry lookup every time (1,000
        // poison records on one topic took ~25,000 lookups and minutes in the hardening test).
        handler.setSeekAfterError(false);
        return handler;
    }
}
