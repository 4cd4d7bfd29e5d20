package com.zmart.inventory.sale;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.zmart.events.Sale;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Applies the sale lines of {@code zmart.sales} a poll at a time, one database transaction per poll; counts lines by
 * outcome ({@code zmart.inventory.sale-lines}).
 *
 * <p>A record that could not be deserialized (or broke the rules) arrives without a value: the lines before it are
 * applied, then it is handed to the error handler, which commits their offsets, dead-letters it and redelivers the
 * rest of the poll.
 */
@Component
class SaleListener {

    private static final LogAccessor log = new LogAccessor(LogFactory.getLog(SaleListener.class));

    private final SaleLineService sales;
    private final Map<SaleLineOutcome, Counter> outcomes = new EnumMap<>(SaleLineOutcome.class);

    SaleListener(SaleLineService sales, MeterRegistry meters) {
        this.sales = sales;
        for (SaleLineOutcome outcome : SaleLineOutcome.values()) {
            outcomes.put(outcome, Counter.builder("zmart.inventory.sale-lines").tag("outcome", outcome.tag())
                    .description("Sale lines consumed, by what applying them did").register(meters));
        }
    }

    @KafkaListener(id = "inventory-sales", idIsGroup = false, containerFactory = "saleListenerFactory",
            topics = "#{T(com.zmart.contracts.topic.Topics).SALES.name()}")
    void onSales(List<ConsumerRecord<String, Sale>> records) {
        List<Sale> lines = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Sale> record = records.get(i);
            if (record.value() == null) {
                apply(lines);
                throw new BatchListenerFailedException("Sale record not applicable", failure(record), i);
            }
            lines.add(record.value());
        }
        apply(lines);
    }

    private void apply(List<Sale> lines) {
        if (!lines.isEmpty()) {
            sales.apply(lines).forEach((outcome, count) -> outcomes.get(outcome).increment(count));
        }
    }

    /** Why the value is missing: the deserializer's failure, carried in a header by the ErrorHandlingDeserializer. */
    private static DeserializationException failure(ConsumerRecord<String, Sale> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        return failure != null ? failure
                : new DeserializationException("the record has no value", null, false, null);
    }
}
