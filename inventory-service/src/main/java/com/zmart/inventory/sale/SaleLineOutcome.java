package com.zmart.inventory.sale;

/** What applying one sale line did. */
public enum SaleLineOutcome {
    /** Stock decremented. */
    APPLIED,
    /** Seen before (a redelivery): nothing changed. */
    DUPLICATE,
    /** No stock is kept for the line's store and sku: recorded in {@code unknown_sale_lines}. */
    UNKNOWN_ITEM;

    /** Tag value for metrics. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
