package com.zmart.hardening;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.zmart.contracts.topic.Topics;
import com.zmart.demo.services.SuiteService;
import com.zmart.events.SalesTrend;
import com.zmart.hardening.ExpectedFigures.Rewards;
import com.zmart.hardening.ExpectedFigures.Trend;
import com.zmart.sales.simulator.StoreCatalog;
import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the services show, read the way their users read it: REST lookups and the trends topic. */
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

    /** On-hand units of every store and product of the catalog (inventory API). */
    static Map<String, Long> stock(Suite suite) {
        StoreCatalog catalog = suite.catalog();
        Map<String, Long> stock = new TreeMap<>();
        for (Store store : catalog.stores()) {
            for (Product product : catalog.products()) {
                JsonNode item = suite.getJsonOr404(SuiteService.INVENTORY, "/api/stock/" + store.id() + "/" + product.sku());
                if (item == null) {
                    throw new IllegalStateException("inventory does not know " + store.id() + "/" + product.sku());
                }
                stock.put(ExpectedFigures.stockKey(store.id(), product.sku()), item.get("onHand").asLong());
            }
        }
        return stock;
    }

    /**
     * The latest figures of every window of {@code windowKind} starting in [from, to) on {@code zmart.sales-trends}:
     * the topic the dashboard's sink reads, where the last update of a window is its figure (ADR 0009).
     */
    static Map<String, Trend> trends(Suite suite, String windowKind, Instant from, Instant to) {
        Map<String, Trend> latest = new LinkedHashMap<>();
        try (var deserializer = suite.<SalesTrend>deserializer()) {
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
