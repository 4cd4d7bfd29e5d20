package com.zmart.streams.dedup;

import java.time.Duration;

import com.zmart.contracts.sale.SaleLineId;
import com.zmart.events.Sale;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;

/**
 * Drops copies of a sale line ({@link SaleLineId}): the store remembers the line numbers seen per transaction, so the
 * lines of a receipt, consecutive on its partition, are one cached entry. The store's values are those line numbers
 * as strings; its changelog keeps that format.
 */
public final class UniqueSaleLines {

    private UniqueSaleLines() {
    }

    /** A first-seen filter of sale lines, bringing its window store {@code storeName}. */
    public static <K> FixedKeyProcessorSupplier<K, Sale, Sale> supplier(String storeName, Duration retention) {
        return FirstSeenFilter.supplier(storeName, sale -> SaleLineId.of(sale).transactionId(),
                sale -> Integer.toString(SaleLineId.of(sale).lineNumber()), retention);
    }
}
