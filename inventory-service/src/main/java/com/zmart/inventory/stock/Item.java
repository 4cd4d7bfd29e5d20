package com.zmart.inventory.stock;

/** One product in one store: what a stock row, its level events and its reorders are about. */
public record Item(String storeId, String sku) {

    /** Key of the item's records on the inventory topics ({@code storeId/sku}). */
    public String key() {
        return StockLevel.key(storeId, sku);
    }
}
