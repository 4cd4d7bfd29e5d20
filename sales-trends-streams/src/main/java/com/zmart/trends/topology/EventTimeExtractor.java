package com.zmart.trends.topology;

import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows and joins run on event time: when the register completed the transaction ({@code purchasedAt}) or when the
 * customer clicked ({@code occurredAt}), not when a producer wrote the record. A redelivered copy of a sale line
 * then carries the same timestamp as the original, which is what the deduplication store is keyed on.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Sale sale && sale.getPurchasedAt() != null) {
            return sale.getPurchasedAt().toEpochMilli();
        }
        if (record.value() instanceof ClickEvent click && click.getOccurredAt() != null) {
            return click.getOccurredAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
