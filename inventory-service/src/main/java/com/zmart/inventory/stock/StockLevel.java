package com.zmart.inventory.stock;

import java.time.Instant;

/** Stock of one item in one store, with its reorder policy. */
public record StockLevel(String storeId, String sku, int onHand, int reorderPoint, int reorderQuantity,
                         Instant updatedAt) {

    /** Key of the item's records on the inventory topics ({@code storeId/sku}). */
    public static String key(String storeId, String sku) {
        return storeId + "/" + sku;
    }

    public String key() {
        return key(storeId, sku);
    }

    public StockLevel withOnHand(int units) {
        return new StockLevel(storeId, sku, units, reorderPoint, reorderQuantity, updatedAt);
    }

    public boolean belowReorderPoint() {
        return onHand < reorderPoint;
    }
}
