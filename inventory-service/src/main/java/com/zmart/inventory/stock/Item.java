package com.zmart.inventory.stock;

/** One product in one store: what a stock row, its level events and its reorders are about. */
public record Item(String storeId, String sku) {
}
