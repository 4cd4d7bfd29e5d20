package com.zmart.inventory.sale;

import java.time.Instant;

/** Sale lines received for an item the inventory does not know. */
public record UnknownItemReport(String storeId, String sku, long saleLines, long units, Instant lastPurchasedAt) {
}
