package com.zmart.inventory.stock;

import java.time.Instant;

/**
 * A change of one item's stock: {@code level} after it, and what the reorder rule judges: {@code reorderCheck}, the
 * level at the step of the change that matters for the rule, reached at {@code checkTime} (for a single change, the
 * level after it and when it happened).
 */
public record StockChange(StockLevel level, StockLevel reorderCheck, Instant checkTime) {

    public static StockChange of(StockLevel level, Instant at) {
        return new StockChange(level, level, at);
    }
}
