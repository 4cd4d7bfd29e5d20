package com.zmart.trends.trends;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.zmart.events.SalesTrend;
import com.zmart.events.TopItem;
import com.zmart.trends.state.ItemTotals;
import com.zmart.trends.state.SalesTrendAggregate;
import com.zmart.trends.topology.SaleLines;

/** Turns the running totals of a window into the public {@link SalesTrend} contract. */
public final class SalesTrends {

    /** Best sellers first: most units, then most revenue, then by sku so equal items keep a stable order. */
    private static final Comparator<Map.Entry<String, ItemTotals>> BEST_SELLERS_FIRST =
            Comparator.<Map.Entry<String, ItemTotals>>comparingLong(e -> e.getValue().getUnits()).reversed()
                    .thenComparing(Comparator.<Map.Entry<String, ItemTotals>>comparingLong(
                            e -> e.getValue().getRevenueCents()).reversed())
                    .thenComparing(Map.Entry::getKey);

    private SalesTrends() {
    }

    public static SalesTrend of(SalesTrendAggregate totals, Instant windowStart, Instant windowEnd, String windowKind,
                                int topItems) {
        return SalesTrend.newBuilder()
                .setStoreId(totals.getStoreId())
                .setStoreZipCode(totals.getStoreZipCode())
                .setDepartment(totals.getDepartment())
                .setWindowKind(windowKind)
                .setWindowStart(windowStart)
                .setWindowEnd(windowEnd)
                .setUnits(totals.getUnits())
                .setRevenue(SaleLines.amount(totals.getRevenueCents()))
                .setTransactions(totals.getTransactions())
                .setDistinctCustomers(totals.getCustomers())
                .setTopItems(topItems(totals.getItems(), topItems))
                .build();
    }

    static List<TopItem> topItems(Map<String, ItemTotals> items, int limit) {
        return items.entrySet().stream().sorted(BEST_SELLERS_FIRST).limit(limit)
                .map(e -> TopItem.newBuilder().setSku(e.getKey()).setProductName(e.getValue().getProductName())
                        .setUnits(e.getValue().getUnits()).setRevenue(SaleLines.amount(e.getValue().getRevenueCents()))
                        .build())
                .toList();
    }
}
