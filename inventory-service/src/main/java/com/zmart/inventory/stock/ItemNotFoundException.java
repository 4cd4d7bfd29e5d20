package com.zmart.inventory.stock;

/** No stock is kept for this store and sku. */
public class ItemNotFoundException extends RuntimeException {

    public ItemNotFoundException(String storeId, String sku) {
        super("No stock is kept for sku " + sku + " in store " + storeId);
    }
}
