package com.zmart.inventory.restock;

import java.util.List;
import java.util.UUID;

import com.zmart.events.Restock;

/** What a restock event must satisfy to be applied. */
public final class RestockRules {

    private RestockRules() {
    }

    public static List<String> problems(Restock restock) {
        return new Rules()
                .notBlank("restockId", restock.getRestockId())
                .notBlank("storeId", restock.getStoreId())
                .notBlank("sku", restock.getSku())
                .units("quantity", restock.getQuantity())
                .require(restock.getReorderId() == null || isUuid(restock.getReorderId()), "reorderId must be a UUID")
                .problems();
    }

    static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
