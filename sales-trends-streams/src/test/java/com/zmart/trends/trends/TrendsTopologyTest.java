package com.zmart.trends.trends;

import static com.zmart.contracts.testing.DeadLetterRecords.header;
import static com.zmart.trends.TrendsFixtures.T0;
import static com.zmart.trends.TrendsFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.events.TopItem;
import com.zmart.trends.TopologyDriver;
import com.zmart.trends.TopologyTestBase;
import com.zmart.trends.TrendsFixtures;
import com.zmart.trends.api.TrendQueries;
import com.zmart.trends.api.TrendView;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.state.TrendPane;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windowed aggregates per store and department, through the whole topology with TopologyTestDriver. */
class TrendsTopologyTest extends TopologyTestBase {

    private static final String TUMBLING = "tumbling-1m";
    private static final String HOPPING = "hopping-1h-5m";

    @Test
    void aWindowAddsUpUnitsRevenueTransactionsCustomersAndTopItemsPerStoreAndDepartment() {
        driver.buy(sale("t-1", 1, "cust-1", "2.50", 4).build());
        driver.buy(sale("t-1", 2, "cust-1", "10.00", 1).setSku("sku-tea").setProductName("Tea")
                .setDiscount(new BigDecimal("1.50")).setPurchasedAt(T0).build());
        driver.buy(sale("t-2", 1, "cust-2", "2.50", 1).setPurchasedAt(T0.plusSeconds(20)).build());
        driver.buy(sale("t-3", 1, "cust-2", "300.00", 1).setDepartment("electronics").setSku("sku-tv")
                .setProductName("TV").setPurchasedAt(T0.plusSeconds(30)).build());

        Map<String, SalesTrend> latest = driver.latestTrends();
        SalesTrend grocery = latest.get("store-001/grocery/tumbling-1m/2025-03-01T10:00:00Z");
        assertThat(grocery.getStoreId()).isEqualTo("store-001");
        assertThat(grocery.getStoreZipCode()).isEqualTo("10001");
        assertThat(grocery.getDepartment()).isEqualTo("grocery");
        assertThat(grocery.getWindowKind()).isEqualTo(TUMBLING);
        assertThat(grocery.getWindowStart()).isEqualTo(T0);
        assertThat(grocery.getWindowEnd()).isEqualTo(T0.plusSeconds(60));
        assertThat(grocery.getUnits()).isEqualTo(6);
        assertThat(grocery.getRevenue()).isEqualByComparingTo("21.00");
        assertThat(grocery.getTransactions()).isEqualTo(2);
        assertThat(grocery.getDistinctCustomers()).isEqualTo(2);
        assertThat(grocery.getTopItems()).extracting(TopItem::getSku, TopItem::getUnits)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sku-coffee", 5L),
                        org.assertj.core.groups.Tuple.tuple("sku-tea", 1L));
        assertThat(grocery.getTopItems().get(0).getRevenue()).isEqualByComparingTo("12.50");
        assertThat(grocery.getTopItems().get(1).getRevenue()).isEqualByComparingTo("8.50");

        SalesTrend electronics = latest.get("store-001/electronics/tumbling-1m/2025-03-01T10:00:00Z");
        assertThat(electronics.getUnits()).isEqualTo(1);
        assertThat(electronics.getRevenue()).isEqualByComparingTo("300.00");
        assertThat(electronics.getDistinctCustomers()).isEqualTo(1);
    }

    @Test
    void aWindowsChangesAreWrittenUnderTheSameKeyOncePerEmitInterval() {
        driver.buy(sale("t-1", 1, "cust-1", "1.00", 1).build());
        driver.passEmitInterval();
        driver.buy(sale("t-2", 1, "cust-1", "1.00", 2).setPurchasedAt(T0.plusSeconds(5)).build());
        driver.buy(sale("t-3", 1, "cust-2", "1.00", 4).setPurchasedAt(T0.plusSeconds(6)).build());

        List<KeyValue<String, SalesTrend>> tumbling = driver.trends().stream()
                .filter(kv -> kv.value.getWindowKind().equals(TUMBLING)).toList();
        assertThat(tumbling).extracting(kv -> kv.key).containsOnly("store-001/grocery/tumbling-1m/2025-03-01T10:00:00Z");
        assertThat(tumbling).extracting(kv -> kv.value.getUnits()).containsExactly(1L, 7L);
        assertThat(tumbling).extracting(kv -> kv.value.getTransactions()).containsExactly(1L, 3L);
        assertThat(tumbling).extracting(kv -> kv.value.getDistinctCustomers()).containsExactly(1, 2);
        assertThat(driver.trends()).as("nothing changed since").isEmpty();
    }

    @Test
    void aViewWithItsOwnEmitIntervalIsWrittenAtItsPaceAndTheOtherViewsAtTheirs(@TempDir Path otherStateDir) {
        List<TrendWindow> views = List.of(TrendWindow.tumbling(Duration.ofMinutes(1)),
                TrendWindow.hopping(Duration.ofHours(1), Duration.ofMinutes(5)).withEmitInterval(Duration.ofSeconds(5)));
        try (TopologyDriver slowHourly = new TopologyDriver(otherStateDir, TrendsFixtures.properties(views))) {
            slowHourly.buy(sale("t-1", 1, "cust-1", "1.00", 1).build());
            assertThat(slowHourly.trends()).as("after 500 ms").extracting(kv -> kv.value.getWindowKind())
                    .containsExactly(TUMBLING);

            slowHourly.driver().advanceWallClockTime(Duration.ofMillis(4_500));
            List<SalesTrend> hourly = slowHourly.trends().stream().map(kv -> kv.value).toList();
            assertThat(hourly).as("after 5 s: the twelve hour-long windows holding the line, and nothing else")
                    .hasSize(12).allSatisfy(trend -> {
                        assertThat(trend.getWindowKind()).isEqualTo(HOPPING);
                        assertThat(trend.getUnits()).isEqualTo(1);
                    });

            slowHourly.buy(sale("t-2", 1, "cust-2", "1.00", 2).setPurchasedAt(T0.plusSeconds(1)).build());
            assertThat(slowHourly.trends()).extracting(kv -> kv.value.getWindowKind(), kv -> kv.value.getUnits())
                    .containsExactly(tuple(TUMBLING, 3L));
            assertThat(slowHourly.trends()).as("the hourly view waits for its interval").isEmpty();
            slowHourly.driver().advanceWallClockTime(Duration.ofSeconds(4));
            assertThat(slowHourly.trends()).hasSize(12).allSatisfy(kv -> {
                assertThat(kv.value.getWindowKind()).isEqualTo(HOPPING);
                assertThat(kv.value.getUnits()).isEqualTo(3);
                assertThat(kv.value.getDistinctCustomers()).isEqualTo(2);
            });
            assertThat(slowHourly.trends()).as("every view wrote the change once").isEmpty();
        }
    }

    @Test
    void aCustomerCountsOnceInEachHourLongWindowEvenAcrossItsFiveMinuteSteps() {
        // 10:01 and 10:26: the same customer, two transactions; windows starting 09:05..10:00 cover the first,
        // 09:30..10:25 the second, so 09:30..10:00 (seven windows) see both transactions but one customer.
        driver.buy(sale("t-1", 1, "cust-1", "1.00", 1).setPurchasedAt(T0.plusSeconds(60)).build());
        driver.buy(sale("t-2", 1, "cust-1", "1.00", 1).setPurchasedAt(T0.plusSeconds(26 * 60)).build());
        driver.buy(sale("t-2", 2, "cust-1", "1.00", 1).setPurchasedAt(T0.plusSeconds(26 * 60)).build());

        Map<Instant, SalesTrend> hourly = driver.latestTrends().values().stream()
                .filter(t -> t.getWindowKind().equals(HOPPING))
                .collect(Collectors.toMap(SalesTrend::getWindowStart, t -> t));
        assertThat(hourly).hasSize(17);
        hourly.forEach((start, trend) -> {
            boolean coversBoth = !start.isBefore(Instant.parse("2025-03-01T09:30:00Z")) && !start.isAfter(T0);
            assertThat(trend.getDistinctCustomers()).as("customers of %s", start).isEqualTo(1);
            assertThat(trend.getTransactions()).as("transactions of %s", start).isEqualTo(coversBoth ? 2 : 1);
        });
        assertThat(hourly.get(T0.plusSeconds(25 * 60)).getUnits()).isEqualTo(2);
    }

    @Test
    void aCustomerSeenLaterFirstIsStillNewToTheEarlierWindowsOnly() {
        // Out of order, within the grace: 10:05:10 arrives before 10:04:50. The hour windows 09:10..10:00 hold both
        // purchases and count the customer once; 09:05 holds only 10:04:50, 10:05 only 10:05:10: new in each.
        driver.buy(sale("t-2", 1, "cust-1", "1.00", 1).setPurchasedAt(T0.plusSeconds(5 * 60 + 10)).build());
        driver.buy(sale("t-1", 1, "cust-1", "1.00", 1).setPurchasedAt(T0.plusSeconds(4 * 60 + 50)).build());
        // A second line of t-1 with another time (registers do not write that) is still the same transaction.
        driver.buy(sale("t-1", 2, "cust-1", "1.00", 1).setPurchasedAt(T0.plusSeconds(4 * 60 + 55)).build());

        Map<String, SalesTrend> latest = driver.latestTrends();
        Map<Instant, SalesTrend> hourly = latest.values().stream().filter(t -> t.getWindowKind().equals(HOPPING))
                .collect(Collectors.toMap(SalesTrend::getWindowStart, t -> t));
        assertThat(hourly).hasSize(13);
        hourly.forEach((start, trend) -> {
            boolean onlyT1 = start.equals(Instant.parse("2025-03-01T09:05:00Z"));
            boolean onlyT2 = start.equals(T0.plusSeconds(5 * 60));
            assertThat(trend.getDistinctCustomers()).as("customers of %s", start).isEqualTo(1);
            assertThat(trend.getTransactions()).as("transactions of %s", start).isEqualTo(onlyT1 || onlyT2 ? 1 : 2);
            assertThat(trend.getUnits()).as("units of %s", start).isEqualTo(onlyT1 ? 2 : onlyT2 ? 1 : 3);
        });
        SalesTrend minute = latest.get("store-001/grocery/tumbling-1m/2025-03-01T10:04:00Z");
        assertThat(minute.getTransactions()).as("t-1's two lines in 10:04").isEqualTo(1);
        assertThat(minute.getDistinctCustomers()).isEqualTo(1);
        assertThat(minute.getUnits()).isEqualTo(2);
    }

    @Test
    void aHoppingViewCountsALineInEveryHourLongWindowThatCoversIt() {
        driver.buy(sale("t-1", 1, "cust-1", "4.00", 1).setPurchasedAt(T0.plusSeconds(90)).build());

        List<SalesTrend> hopping = driver.trends().stream().map(kv -> kv.value)
                .filter(t -> t.getWindowKind().equals(HOPPING)).toList();
        assertThat(hopping).hasSize(12).allSatisfy(t -> {
            assertThat(t.getUnits()).isEqualTo(1);
            assertThat(Duration.between(t.getWindowStart(), t.getWindowEnd())).isEqualTo(Duration.ofHours(1));
        });
        assertThat(hopping).extracting(SalesTrend::getWindowStart)
                .contains(Instant.parse("2025-03-01T09:05:00Z"), T0)
                .doesNotContain(Instant.parse("2025-03-01T09:00:00Z"), T0.plusSeconds(300));
    }

    @Test
    void aDuplicatedSaleLineCountsOnce() {
        Sale line = sale("t-1", 1, "cust-1", "3.00", 2).build();

        driver.buy(line);
        driver.buy(line);
        driver.buy(sale("t-1", 2, "cust-1", "1.00", 1).build());

        SalesTrend grocery = driver.latestTrends().get("store-001/grocery/tumbling-1m/2025-03-01T10:00:00Z");
        assertThat(grocery.getUnits()).isEqualTo(3);
        assertThat(grocery.getRevenue()).isEqualByComparingTo("7.00");
        assertThat(driver.trends()).isEmpty();
    }

    @Test
    void aReturnIsNotASaleLineAndGoesToTheDeadLetterTopic() {
        driver.buy(sale("t-return", 1, "cust-1", "3.00", -1).build());
        driver.buy(sale("t-1", 1, "cust-1", "3.00", 1).build());

        assertThat(driver.latestTrends().get("store-001/grocery/tumbling-1m/2025-03-01T10:00:00Z").getUnits())
                .isEqualTo(1);
        assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo(Topics.SALES_TRENDS_DLT.name());
            assertThat(letter.key()).asString(StandardCharsets.UTF_8).isEqualTo("t-return");
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.INVALID.headerValue());
            assertThat(header(letter, DeadLetterHeaders.MESSAGE)).contains("quantity must be between 1 and 1000000");
        });
    }

    @Test
    void anOutOfOrderLineWithinTheGraceStillCountsInItsWindow() {
        driver.buy(sale("t-2", 1, "cust-2", "1.00", 1).setPurchasedAt(T0.plusSeconds(70)).build());
        driver.buy(sale("t-1", 1, "cust-1", "1.00", 5).setPurchasedAt(T0.plusSeconds(50)).build());

        Map<String, SalesTrend> latest = driver.latestTrends();
        assertThat(latest.get("store-001/grocery/tumbling-1m/2025-03-01T10:00:00Z").getUnits()).isEqualTo(5);
        assertThat(latest.get("store-001/grocery/tumbling-1m/2025-03-01T10:01:00Z").getUnits()).isEqualTo(1);
    }

    @Test
    void aLineLaterThanTheGraceIsDroppedFromClosedWindowsOnly() {
        driver.buy(sale("t-1", 1, "cust-1", "1.00", 1).setPurchasedAt(T0.plusSeconds(5)).build());
        driver.buy(sale("t-2", 1, "cust-1", "1.00", 1).setPurchasedAt(T0.plusSeconds(120)).build());
        driver.trends();

        // Stream time is 10:02; window [10:00, 10:01) closed at 10:01:30. The hour-long windows are still open.
        driver.buy(sale("t-late", 1, "cust-3", "1.00", 7).setPurchasedAt(T0.plusSeconds(20)).build());

        List<SalesTrend> afterLate = driver.trends().stream().map(kv -> kv.value).toList();
        assertThat(afterLate).extracting(SalesTrend::getWindowKind).containsOnly(HOPPING);
        assertThat(afterLate).allSatisfy(t -> assertThat(t.getUnits()).isGreaterThanOrEqualTo(8));
        // Queried from the panes too, the closed minute stays without the late line.
        List<TrendView> minutes = queries().latestWindows(panes(), "store-001", "grocery", view(TUMBLING), 10).windows();
        assertThat(minutes).filteredOn(w -> w.windowStart().equals(T0)).singleElement()
                .satisfies(w -> assertThat(w.units()).isEqualTo(1));
        assertThat(queries().latestWindows(panes(), "store-001", "grocery", view(HOPPING), 1).windows())
                .singleElement().satisfies(w -> assertThat(w.units()).isEqualTo(9));
    }

    @Test
    void topItemsAreTheBestSellersByUnitsThenRevenueLimitedToTheConfiguredCount() {
        driver.buy(sale("t-1", 1, "cust-1", "1.00", 3).setSku("sku-a").setProductName("A").build());
        driver.buy(sale("t-1", 2, "cust-1", "1.00", 9).setSku("sku-b").setProductName("B").build());
        driver.buy(sale("t-1", 3, "cust-1", "5.00", 3).setSku("sku-c").setProductName("C").build());
        driver.buy(sale("t-1", 4, "cust-1", "1.00", 1).setSku("sku-d").setProductName("D").build());

        SalesTrend grocery = driver.latestTrends().get("store-001/grocery/tumbling-1m/2025-03-01T10:00:00Z");
        assertThat(grocery.getTopItems()).extracting(TopItem::getSku).containsExactly("sku-b", "sku-c", "sku-a");
    }

    @Test
    void storesAreAggregatedSeparatelyAndQueryablePerStore() {
        driver.buy(sale("t-1", 1, "cust-1", "1.00", 1).build());
        driver.buy(sale("t-2", 1, "cust-1", "1.00", 2).setStoreId("store-002").build());
        driver.buy(sale("t-3", 1, "cust-1", "1.00", 3).setDepartment("bakery").build());

        Map<String, Long> unitsByDepartment = driver.latestTrends().values().stream()
                .filter(t -> t.getWindowKind().equals(TUMBLING))
                .collect(Collectors.toMap(t -> t.getStoreId() + "/" + t.getDepartment(), SalesTrend::getUnits));
        assertThat(unitsByDepartment).containsExactlyInAnyOrderEntriesOf(
                Map.of("store-001/grocery", 1L, "store-002/grocery", 2L, "store-001/bakery", 3L));

        assertThat(queries().latestPerDepartment(panes(), "store-001", view(TUMBLING)).departments())
                .extracting(TrendView::department, TrendView::units)
                .containsExactlyInAnyOrder(tuple("grocery", 1L), tuple("bakery", 3L));
    }

    private WindowStore<String, TrendPane> panes() {
        return driver.windowStore(TrendStores.PANES);
    }

    private static TrendQueries queries() {
        return new TrendQueries(TrendsFixtures.properties().trends());
    }

    private static TrendWindow view(String kind) {
        return TrendsFixtures.properties().trends().window(kind).orElseThrow();
    }
}
