package com.zmart.inventory.stock;

/** Bounds beyond which a quantity is a mistake, not a business fact (a typo, a unit mix-up). */
public final class StockLimits {

    /** Most units of one item in one sale line, delivery or reorder policy. */
    public static final int MAX_UNITS = 1_000_000;

    private StockLimits() {
    }
}
