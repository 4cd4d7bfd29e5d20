package com.zmart.contracts.sale;

import com.zmart.events.Sale;

/**
 * What identifies a sale line: its transaction and its position in it. Copies of a line (a connector restart, a
 * re-snapshot) carry the same id, so every consumer deduplicates on it.
 */
public record SaleLineId(String transactionId, int lineNumber) {

    public static SaleLineId of(Sale sale) {
        return new SaleLineId(sale.getTransactionId(), sale.getLineNumber());
    }

    /** {@code <transactionId>#<lineNumber>}, for logs and messages. */
    @Override
    public String toString() {
        return transactionId + "#" + lineNumber;
    }
}
