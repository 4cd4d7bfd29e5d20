package com.zmart.trends.trends;

import static com.zmart.trends.TrendsFixtures.T0;
import static com.zmart.trends.TrendsFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.trends.TopologyTestBase;
import com.zmart.trends.TrendsFixtures;
import com.zmart.trends.api.TrendQueries;
import com.zmart.trends.api.TrendView;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.contracts.sale.SaleLineAmounts;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Windows built from panes against a model that knows nothing of panes: every line, in arrival order, is added to
 * each window of each view that {@code TimeWindows} says holds it and that is still open at its arrival (end after
 * stream time minus the grace). Seeded streams with out-of-order, duplicated and late lines, several stores,
 * departments and customers; every emitted window and every REST answer must equal the model's.
 */
class PaneWindowsAgainstAModelTest extends TopologyTestBase {

    private static final TrendsProperties TRENDS = TrendsFixtures.properties().trends();
    private static final String[] DEPARTMENTS = {"grocery", "bakery"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void everyEmittedAndQueriedWindowEqualsTheModel(long seed) {
        Random random = new Random(seed);
        Map<String, ModelWindow> model = new HashMap<>();
        Map<String, SalesTrend> emitted = new LinkedHashMap<>();
        Set<String> lineIds = new HashSet<>();
        List<Sale> sent = new ArrayList<>();
        long streamTime = Long.MIN_VALUE;
        int lateLines = 0;
        long clock = T0.toEpochMilli();
        for (int receipt = 0; receipt < 200; receipt++) {
            clock += random.nextInt(20_000);
            // Mostly in order; some a few minutes back (within or past the 30 s grace), some replayed.
            long time = random.nextInt(10) < 8 ? clock : clock - random.nextInt(4 * 60_000);
            if (random.nextInt(20) == 0 && !sent.isEmpty()) {
                Sale again = sent.get(random.nextInt(sent.size()));
                driver.buy(again);
                continue;
            }
            String store = "store-00" + (1 + random.nextInt(2));
            String customer = "cust-" + random.nextInt(15);
            int lines = 1 + random.nextInt(3);
            for (int line = 1; line <= lines; line++) {
                Sale sale = sale("t-" + receipt, line, customer, (1 + random.nextInt(9)) + ".25", 1 + random.nextInt(4))
                        .setStoreId(store).setDepartment(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)])
                        .setSku("sku-" + random.nextInt(6)).setProductName("P").setPurchasedAt(Instant.ofEpochMilli(time))
                        .build();
                driver.buy(sale);
                sent.add(sale);
                if (lineIds.add(sale.getTransactionId() + "#" + sale.getLineNumber())) {
                    streamTime = Math.max(streamTime, time);
                    lateLines += time + TRENDS.grace().toMillis() + 60_000 <= streamTime ? 1 : 0;
                    addToModel(model, sale, time, streamTime - TRENDS.grace().toMillis());
                }
            }
            if (random.nextInt(5) == 0) {
                driver.trends().forEach(kv -> emitted.put(kv.key, kv.value));
            }
        }
        driver.trends().forEach(kv -> emitted.put(kv.key, kv.value));

        assertThat(lateLines).as("the stream has lines past the grace of some windows").isGreaterThan(10);
        assertThat(emitted.keySet()).isEqualTo(model.keySet());
        model.forEach((key, expected) -> expected.assertEquals(emitted.get(key), key));
        Map<String, List<TrendView>> answers = new HashMap<>();
        for (SalesTrend trend : emitted.values()) {
            TrendView queried = answers.computeIfAbsent(trend.getStoreId() + "/" + trend.getDepartment() + "/"
                            + trend.getWindowKind(), k -> queried(trend)).stream()
                    .filter(w -> w.windowStart().equals(trend.getWindowStart())).findFirst().orElseThrow();
            assertThat(queried).as("REST answer of %s/%s %s %s", trend.getStoreId(), trend.getDepartment(),
                    trend.getWindowKind(), trend.getWindowStart()).isEqualTo(TrendView.of(trend));
        }
    }

    /** Every window of the trend's store, department and view, as the REST API answers them. */
    private List<TrendView> queried(SalesTrend trend) {
        TrendWindow view = TRENDS.window(trend.getWindowKind()).orElseThrow();
        return new TrendQueries(TRENDS).latestWindows(driver.windowStore(TrendStores.PANES), trend.getStoreId(),
                trend.getDepartment(), view, 1440).windows();
    }

    private static void addToModel(Map<String, ModelWindow> model, Sale sale, long time, long closedBefore) {
        for (TrendWindow view : TRENDS.windows()) {
            TimeWindows windows = TimeWindows.ofSizeAndGrace(view.size(), TRENDS.grace())
                    .advanceBy(Duration.ofMillis(view.advanceMs()));
            windows.windowsFor(time).forEach((start, window) -> {
                if (window.end() > closedBefore) {
                    model.computeIfAbsent(TrendKeys.topicKey(sale.getStoreId(), sale.getDepartment(), view.kind(),
                            Instant.ofEpochMilli(start)), k -> new ModelWindow()).add(sale);
                }
            });
        }
    }

    private static final class ModelWindow {
        private long units;
        private BigDecimal revenue = BigDecimal.ZERO;
        private final Set<String> transactions = new HashSet<>();
        private final Set<String> customers = new HashSet<>();
        private final Map<String, Long> unitsPerSku = new HashMap<>();

        void add(Sale sale) {
            units += sale.getQuantity();
            revenue = revenue.add(SaleLineAmounts.fromCents(SaleLineAmounts.netCents(sale)));
            transactions.add(sale.getTransactionId());
            customers.add(sale.getCustomerId());
            unitsPerSku.merge(sale.getSku(), (long) sale.getQuantity(), Long::sum);
        }

        void assertEquals(SalesTrend actual, String key) {
            assertThat(actual).as(key).isNotNull();
            assertThat(actual.getUnits()).as("units of %s", key).isEqualTo(units);
            assertThat(actual.getRevenue()).as("revenue of %s", key).isEqualByComparingTo(revenue);
            assertThat(actual.getTransactions()).as("transactions of %s", key).isEqualTo(transactions.size());
            assertThat(actual.getDistinctCustomers()).as("customers of %s", key).isEqualTo(customers.size());
            actual.getTopItems().forEach(item -> assertThat(item.getUnits()).as("units of %s in %s", item.getSku(), key)
                    .isEqualTo(unitsPerSku.get(item.getSku())));
            assertThat(actual.getTopItems()).as("top items of %s", key)
                    .hasSize(Math.min(TRENDS.topItems(), unitsPerSku.size()));
        }
    }
}
