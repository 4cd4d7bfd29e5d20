package com.zmart.dashboard.topitems;

import java.math.BigDecimal;

/** One product's sales in a store over the range, summed over the windows that list it among their top items. */
public record ItemSales(String sku, String productName, long units, BigDecimal revenue) {
}
