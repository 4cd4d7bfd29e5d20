package com.zmart.rewards.topology;

import com.zmart.events.Sale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a sale line is when the register completed the transaction ({@code purchasedAt}), not when the
 * connector produced the record: a re-snapshot or a redelivered copy of a line then carries the same timestamp as
 * the original, which is what the deduplication store is keyed on.
 */
public final class SaleTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Sale sale && sale.getPurchasedAt() != null) {
            return sale.getPurchasedAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
