package com.zmart.dashboard.topitems;

import java.util.List;

/** A store's best sellers over the range, most units first (ties: more revenue, then sku). */
public record StoreTopItems(String storeId, List<ItemSales> items) {
}
