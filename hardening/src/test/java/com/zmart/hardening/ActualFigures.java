package com.zmart.hardening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.zmart.contracts.topic.Topics;
import com.zmart.demo.services.SuiteService;
import com.zmart.events.ReorderRequest;
import com.zmart.events.SalesTrend;
import com.zmart.hardening.ExpectedFigures.Rewards;
import com.zmart.hardening.ExpectedFigures.Trend;
import com.zmart.sales.simulator.StoreCatalog;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the services show, read the way their users read it: REST lookups, the trends and reorders topics. */
final class ActualFigures {

    private ActualFigures() {
    }

    /** Points and counted lines of every member of the catalog (rewards API; a 404 is a member with nothing yet). */
    static Map<String, Rewards> rewards(Suite suite) {
        Map<String, String> paths = new LinkedHashMap<>();
        suite.catalog().customers().forEach(customer -> customer.memberId()
                .ifPresent(member -> paths.put(member, "/api/rewards/" + member)));
        Map<String, Rewards> rewards = new TreeMap<>();
        suite.getAllJsonOr404(SuiteService.REWARDS, paths).forEach((member, found) -> rewards.put(member,
                found == null ? new Rewards(0, 0)
                        : new Rewards(found.get("totalPoints").asLong(), found.get("saleLines").asLong())));
        return rewards;
    }

    /** An item's stock: on-hand units, reorder point, and the id of its open reorder (null if none). */
    record Item(long onHand, long reorderPoint, String openReorder) {
    }

    /** On-hand units of every store and product of the catalog (inventory API). */
    static Map<String, Long> stock(Suite suite) {
        Map<String, Long> stock = new TreeMap<>();
        items(suite).forEach((key, item) -> stock.put(key, item.onHand()));
        return stock;
    }

    /** Every store and product of the catalog as inventory's API shows it. */
    static Map<String, Item> items(Suite suite) {
        StoreCatalog catalog = suite.catalog();
        Map<String, String> paths = new LinkedHashMap<>();
        for (Store store : catalog.stores()) {
            for (Product product : catalog.products()) {
                paths.put(ExpectedFigures.stockKey(store.id(), product.sku()),
                        "/api/stock/" + store.id() + "/" + product.sku());
            }
        }
        Map<String, Item> items = new TreeMap<>();
        suite.getAllJsonOr404(SuiteService.INVENTORY, paths).forEach((key, item) -> {
            if (item == null) {
                throw new IllegalStateException("inventory does not know " + key);
            }
            JsonNode open = item.get("openReorder");
            items.put(key, new Item(item.get("onHand").asLong(), item.get("reorderPoint").asLong(),
                    open == null || open.isNull() ? null : open.get("reorderId").asText()));
        });
        return items;
    }

    /** The distinct reorder ids on {@code zmart.reorders}, per store/sku (a relay may publish one twice, ADR 0007). */
    static Map<String, Set<String>> reorders(Suite suite) {
        Map<String, Set<String>> reorders = new TreeMap<>();
        try (var deserializer = suite.deserializer(Topics.REORDERS)) {
            for (ConsumerRecord<byte[], byte[]> record : suite.readAll(Topics.REORDERS)) {
                if (PoisonRecordsIT.isPoison(record)) {
                    continue;
                }
                ReorderRequest reorder = deserializer.deserialize(Topics.REORDERS.name(), record.value());
                reorders.computeIfAbsent(ExpectedFigures.stockKey(reorder.getStoreId(), reorder.getSku()),
                        k -> new TreeSet<>()).add(reorder.getReorderId());
            }
        }
        return reorders;
    }

    /** The windows of {@code windowKind} that start in [from, to). */
    record Windows(String windowKind, Instant from, Instant to) {

        boolean holds(SalesTrend trend) {
            return trend.getWindowKind().equals(windowKind) && !trend.getWindowStart().isBefore(from)
                    && trend.getWindowStart().isBefore(to);
        }
    }

    /** {@link #trends(Suite, Windows...)} of one range of windows. */
    static Map<String, Trend> trends(Suite suite, String windowKind, Instant from, Instant to) {
        return trends(suite, new Windows(windowKind, from, to)).get(0);
    }

    /**
     * The latest figures of every window of each of {@code ranges} (in its order), from one read of
     * {@code zmart.sales-trends}: the topic the dashboard's sink reads, where the last update of a window is its figure
     * (ADR 0009).
     */
    static List<Map<String, Trend>> trends(Suite suite, Windows... ranges) {
        List<Map<String, Trend>> latest = new ArrayList<>();
        for (int i = 0; i < ranges.length; i++) {
            latest.add(new TreeMap<>());
        }
        try (var deserializer = suite.deserializer(Topics.SALES_TRENDS)) {
            for (ConsumerRecord<byte[], byte[]> record : suite.readAll(Topics.SALES_TRENDS)) {
                if (PoisonRecordsIT.isPoison(record)) {
                    continue;
                }
                SalesTrend trend = deserializer.deserialize(Topics.SALES_TRENDS.name(), record.value());
                if (trend == null) {
                    continue;
                }
                for (int i = 0; i < ranges.length; i++) {
                    if (ranges[i].holds(trend)) {
                        latest.get(i).put(ExpectedFigures.trendKey(trend.getStoreId(), trend.getDepartment(),
                                        trend.getWindowStart().toEpochMilli()),
                                new Trend(trend.getUnits(), trend.getRevenue().unscaledValue().longValueExact(),
                                        trend.getTransactions(), trend.getDistinctCustomers()));
                    }
                }
            }
        }
        return latest;
    }
}
