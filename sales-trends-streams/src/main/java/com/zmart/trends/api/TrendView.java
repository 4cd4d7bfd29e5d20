package com.zmart.trends.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.zmart.events.SalesTrend;
import com.zmart.events.TopItem;

/** One window of one store and department, as JSON (the fields of the {@code SalesTrend} contract). */
public record TrendView(String storeId, String storeZipCode, String department, String windowKind,
                        Instant windowStart, Instant windowEnd, long units, BigDecimal revenue, long transactions,
                        int distinctCustomers, List<TopItemView> topItems) {

    public static TrendView of(SalesTrend trend) {
        return new TrendView(trend.getStoreId(), trend.getStoreZipCode(), trend.getDepartment(), trend.getWindowKind(),
                trend.getWindowStart(), trend.getWindowEnd(), trend.getUnits(), trend.getRevenue(),
                trend.getTransactions(), trend.getDistinctCustomers(),
                trend.getTopItems().stream().map(TopItemView::of).toList());
    }

    public record TopItemView(String sku, String productName, long units, BigDecimal revenue) {

        static TopItemView of(TopItem item) {
            return new TopItemView(item.getSku(), item.getProductName(), item.getUnits(), item.getRevenue());
        }
    }
}
