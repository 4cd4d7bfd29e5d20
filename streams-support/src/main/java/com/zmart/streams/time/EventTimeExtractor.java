package com.zmart.streams.time;

import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of the suite's events: when the register completed the transaction ({@code purchasedAt}) or when the
 * customer clicked ({@code occurredAt}), not when a producer wrote the record. Windows and joins run on it, and a
 * redelivered or re-snapshotted copy of a sale line carries the same timestamp as the original, which is what the
 * deduplication stores are keyed on. Other records keep their record timestamp.
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
