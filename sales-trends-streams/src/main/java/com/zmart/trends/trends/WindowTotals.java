package com.zmart.trends.trends;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zmart.events.SalesTrend;
import com.zmart.events.TopItem;
import com.zmart.trends.state.ItemTotals;
import com.zmart.trends.state.PaneTotals;
import com.zmart.trends.state.TrendPane;
import com.zmart.contracts.sale.SaleLineAmounts;

/**
 * The totals of one window while it slides over a group's panes: panes are added as the window's end passes them and
 * removed as its start does, so consecutive windows (twelve hour-long windows five minutes apart) share the work.
 * Transactions and customers are counted per pane holding them (by fingerprint), so a member in several panes of a
 * window counts once.
 */
final class WindowTotals {

    /** Best sellers first: most units, then most revenue, then by sku so equal items keep a stable order. */
    private static final Comparator<Map.Entry<String, Item>> BEST_SELLERS_FIRST =
            Comparator.<Map.Entry<String, Item>>comparingLong(e -> e.getValue().units).reversed()
                    .thenComparing(Comparator.<Map.Entry<String, Item>>comparingLong(
                            e -> e.getValue().revenueCents).reversed())
                    .thenComparing(Map.Entry::getKey);

    private final FingerprintCounts transactions = new FingerprintCounts();
    private final FingerprintCounts customers = new FingerprintCounts();
    private final Map<String, Item> items = new HashMap<>();
    private long lines;
    private long units;
    private long revenueCents;
    private TrendPane identity;

    /** Adds the on-time lines of a pane of the group. */
    void add(TrendPane pane) {
        identity = pane;
        change(pane.getOnTime(), 1);
    }

    /** Adds lines of a pane already added (its late lines). */
    void add(PaneTotals totals) {
        change(totals, 1);
    }

    void remove(PaneTotals totals) {
        change(totals, -1);
    }

    boolean isEmpty() {
        return lines == 0;
    }

    SalesTrend toTrend(String windowKind, long windowStart, long windowEnd, int topItems) {
        List<TopItem> best = items.entrySet().stream().sorted(BEST_SELLERS_FIRST).limit(topItems)
                .map(e -> TopItem.newBuilder().setSku(e.getKey()).setProductName(e.getValue().productName)
                        .setUnits(e.getValue().units).setRevenue(SaleLineAmounts.fromCents(e.getValue().revenueCents)).build())
                .toList();
        return SalesTrend.newBuilder()
                .setStoreId(identity.getStoreId())
                .setStoreZipCode(identity.getStoreZipCode())
                .setDepartment(identity.getDepartment())
                .setWindowKind(windowKind)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setUnits(units)
                .setRevenue(SaleLineAmounts.fromCents(revenueCents))
                .setTransactions(transactions.size())
                .setDistinctCustomers(customers.size())
                .setTopItems(best)
                .build();
    }

    private void change(PaneTotals totals, int sign) {
        lines += sign * totals.getLines();
        units += sign * totals.getUnits();
        revenueCents += sign * totals.getRevenueCents();
        count(transactions, totals.getTransactions(), sign);
        count(customers, totals.getCustomers(), sign);
        for (Map.Entry<String, ItemTotals> line : totals.getItems().entrySet()) {
            Item item = items.computeIfAbsent(line.getKey(), sku -> new Item());
            item.units += sign * line.getValue().getUnits();
            item.revenueCents += sign * line.getValue().getRevenueCents();
            item.panes += sign;
            if (sign > 0) {
                item.productName = line.getValue().getProductName();
            } else if (item.panes == 0) {
                items.remove(line.getKey());
            }
        }
    }

    private static void count(FingerprintCounts members, ByteBuffer fingerprints, int sign) {
        for (int i = 0, n = MemberFingerprints.count(fingerprints); i < n; i++) {
            if (sign > 0) {
                members.increment(MemberFingerprints.get(fingerprints, i));
            } else {
                members.decrement(MemberFingerprints.get(fingerprints, i));
            }
        }
    }

    private static final class Item {
        private String productName;
        private long units;
        private long revenueCents;
        private int panes;
    }
}
