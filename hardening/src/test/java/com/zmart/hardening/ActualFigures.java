package com.zmart.hardening;

import java.time.Instant;
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
import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the services show, read the way their users read it: REST lookups, the trends and reorders topics. */
final class ActualFigures {

    private ActualFigures() {
    }

    /** Points and counted lines of every member of the catalog (rewards API; a 404 is a member with nothing yet). */
    static Map<String, Rewards> rewards(Suite suite) {
        Map<String, Rewards> rewards = new TreeMap<>();
        for (Customer customer : suite.catalog().customers()) {
            if (customer.memberId().isPresent()) {
                String member = customer.memberId().get();
                JsonNode found = suite.getJsonOr404(SuiteService.REWARDS, "/api/rewards/" + member);
                rewards.put(member, found == null ? new Rewards(0, 0)
                        : new Rewards(found.get("totalPoints").asLong(), found.get("saleLines").asLong()));
            }
        }
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
        Map<String, Item> items = new TreeMap<>();
        for (Store store : catalog.stores()) {
            for (Product product : catalog.products()) {
                JsonNode item = suite.getJsonOr404(SuiteService.INVENTORY, "/api/stock/" + store.id() + "/" + product.sku());
                if (item == null) {
                    throw new IllegalStateException("inventory does not know " + store.id() + "/" + product.sku());
                }
                JsonNode open = item.get("openReorder");
                items.put(ExpectedFigures.stockKey(store.id(), product.sku()), new Item(item.get("onHand").asLong(),
                        item.get("reorderPoint").asLong(),
                        open == null || open.isNull() ? null : open.get("reorderId").asText()));
            }
        }
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

    /**
     * The latest figures of every window of {@code windowKind} starting in [from, to) on {@code zmart.sales-trends}:
     * the topic the dashboard's sink reads, where the last update of a window is its figure (ADR 0009).
     */
    static Map<String, Trend> trends(Suite suite, String windowKind, Instant from, Instant to) {
        Map<String, Trend> latest = new LinkedHashMap<>();
        try (var deserializer = suite.deserializer(Topics.SALES_TRENDS)) {
            List<ConsumerRecord<byte[], byte[]>> records = suite.readAll(Topics.SALES_TRENDS);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (PoisonRecordsIT.isPoison(record)) {
                    continue;
                }
                SalesTrend trend = deserializer.deserialize(Topics.SALES_TRENDS.name(), record.value());
                if (trend != null && trend.getWindowKind().equals(windowKind)
                        && !trend.getWindowStart().isBefore(from) && trend.getWindowStart().isBefore(to)) {
                    latest.put(ExpectedFigures.trendKey(trend.getStoreId(), trend.getDepartment(),
                                    trend.getWindowStart().toEpochMilli()),
                            new Trend(trend.getUnits(), trend.getRevenue().unscaledValue().longValueExact(),
                                    trend.getTransactions(), trend.getDistinctCustomers()));
                }
            }
        }
        return new TreeMap<>(latest);
    }
}
