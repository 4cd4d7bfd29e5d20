package com.zmart.dashboard;

import static com.zmart.contracts.testing.DeadLetterRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.dashboard.sink.DashboardSinks;
import com.zmart.dashboard.support.DashboardProcess;
import com.zmart.events.CampaignConversion;
import com.zmart.events.CampaignFunnel;
import com.zmart.events.SalesTrend;
import com.zmart.events.TopItem;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.connect.ConnectorDeployer;
import com.zmart.platform.junit.LocalPlatformExtension;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.platform.postgres.PostgresServer;
import com.zmart.platform.testing.TestKafka;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The export half of the trends pipeline on real servers: SalesTrend and CampaignConversion records (Avro,
 * Confluent wire format) on their topics → Debezium's JDBC sink in a Kafka Connect worker → upserted rows in the
 * dashboard database → the dashboard application (its jar, in its own JVM) → the page in a real headless Chromium,
 * whose charts must show exactly those figures and follow a later update without a reload.
 */
@LocalPlatformTest(connect = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPipelineIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("dashboard.screenshots", "target/screenshots"));
    private static final String TUMBLING = "tumbling-1m";

    /** Two whole minutes a few minutes ago: inside the page's default range (the last hour). */
    private static final Instant W1 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
    private static final Instant W2 = W1.plus(1, ChronoUnit.MINUTES);
    private static final Instant W3 = W2.plus(1, ChronoUnit.MINUTES);

    /** Fewer than the three lines of the first test, so that the default view leaves one to be chosen. */
    private static final int SHOWN_SERIES = 2;

    private static DashboardProcess dashboard;
    private static String dashboardJdbcUrl;
    /** The latest trend sent per key, as the compacted topic and the upsert keep it: the top items' other source. */
    private static final Map<String, SalesTrend> SENT_TRENDS = new LinkedHashMap<>();

    @BeforeAll
    static void startTheDashboardThenTheSinks() {
        LocalPlatform platform = LocalPlatformExtension.running();
        PostgresServer postgres = platform.postgres().orElseThrow();
        dashboardJdbcUrl = postgres.jdbcUrl("dashboard");
        // Deployment order: the dashboard creates its tables (Flyway), then the sinks, which never create one, start.
        dashboard = DashboardProcess.start(Path.of(System.getProperty("dashboard.jar", "target/sales-dashboard-0.1.0-SNAPSHOT.jar")),
                List.of("spring.datasource.url=" + dashboardJdbcUrl, "spring.datasource.username=" + PostgresServer.USER,
                        "spring.datasource.password=", "zmart.dashboard.refresh-interval=1s",
                        "zmart.dashboard.shown-series=" + SHOWN_SERIES),
                Path.of("target/dashboard-it.log"));
        ConnectorDeployer deployer = new ConnectorDeployer(platform.connect().orElseThrow().url());
        Map<String, String> variables = DashboardSinks.variables("127.0.0.1", postgres.port(), "dashboard",
                PostgresServer.USER, "");
        DashboardSinks.ALL.forEach(name -> deployer.deploy(name, variables, Duration.ofSeconds(90)));
    }

    @AfterAll
    static void stopTheDashboard() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Test
    @Order(1)
    void recordsBecomeRowsAndASecondFigureForTheSameWindowReplacesItsRow(LocalPlatform platform) throws Exception {
        produce(platform, Topics.SALES_TRENDS, List.of(
                trend("store-01", "Dairy", TUMBLING, W1, 3, "7.50"),
                trend("store-01", "Dairy", TUMBLING, W2, 4, "10.00"),
                trend("store-01", "Bakery", TUMBLING, W2, 2, "5.98"),
                trend("store-02", "Dairy", TUMBLING, W1, 6, "15.30"),
                trend("store-01", "Dairy", "hopping-1h-5m", W1, 7, "17.50")));
        produce(platform, Topics.CAMPAIGN_CONVERSIONS, List.of(conversion("spring-sale", 3, "42.10", W1),
                conversion("coupon-week", 5, "77.00", W2)));
        produce(platform, Topics.CAMPAIGN_FUNNELS, List.of(funnel("spring-sale", 40, 21, 9, 4, 2, W1),
                funnel("coupon-week", 0, 0, 6, 2, 5, W2)));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("sales_trends") == 5 && count("campaign_conversions") == 2
                        && count("campaign_funnels") == 2);
        assertThat(funnelRow("coupon-week")).containsExactly(0L, 0L, 6L, 2L, 5L);
        assertThat(topItemsJson("store-02", "Dairy", TUMBLING, W1)).isEqualTo(
                "[{\"sku\": \"sku-Dairy-a\", \"units\": 4, \"revenue\": 13.30, \"productName\": \"Dairy A\"}, "
                        + "{\"sku\": \"sku-Dairy-b\", \"units\": 2, \"revenue\": 2.00, \"productName\": \"Dairy B\"}]");
        assertThat(trendRow("store-02", "Dairy", TUMBLING, W1)).isEqualTo(new TrendRow("10001", W1.plusSeconds(60), 6,
                new BigDecimal("15.30"), 6, 3));

        // Later figures of the same window (the Streams app emits updates) and of the same campaign.
        produce(platform, Topics.SALES_TRENDS, List.of(trend("store-01", "Dairy", TUMBLING, W2, 9, "22.45")));
        produce(platform, Topics.CAMPAIGN_CONVERSIONS, List.of(conversion("spring-sale", 8, "120.75", W2)));
        produce(platform, Topics.CAMPAIGN_FUNNELS, List.of(funnel("spring-sale", 50, 30, 12, 5, 8, W2)));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> trendRow("store-01", "Dairy", TUMBLING, W2).units() == 9
                        && conversionCount("spring-sale") == 8 && funnelRow("spring-sale").get(0) == 50);
        assertThat(funnelRow("spring-sale")).containsExactly(50L, 30L, 12L, 5L, 8L);
        assertThat(count("campaign_funnels")).isEqualTo(2);
        assertThat(trendRow("store-01", "Dairy", TUMBLING, W2)).isEqualTo(new TrendRow("10001", W2.plusSeconds(60), 9,
                new BigDecimal("22.45"), 9, 3));
        assertThat(count("sales_trends")).as("rows after the update (upsert, not insert)").isEqualTo(5);
        assertThat(count("campaign_conversions")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void thePageChartsTheFiguresOfTheDatabaseAndFollowsTheirUpdatesWithoutAReload(LocalPlatform platform) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No headless browser: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        ChromeDriver browser = browser();
        try {
            browser.get(dashboard.url() + "/");
            await("the charts of the figures written in the first test").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> series(browser, "units-chart").equals(Map.of(
                            "store-01 · Bakery", List.of(0L, 2L),
                            "store-01 · Dairy", List.of(3L, 9L),
                            "store-02 · Dairy", List.of(6L, 0L))));
            assertThat(series(browser, "revenue-chart")).isEqualTo(Map.of(
                    "store-01 · Bakery", List.of(0.0, 5.98),
                    "store-01 · Dairy", List.of(7.5, 22.45),
                    "store-02 · Dairy", List.of(15.3, 0.0)));
            assertThat(browser.findElement(org.openqa.selenium.By.id("revenue-chart")).getDomAttribute("data-windows"))
                    .isEqualTo(W1 + "," + W2);
            assertThat(series(browser, "conversions-chart")).isEqualTo(Map.of("Conversions", List.of(8L, 5L)));
            assertThat(labels(browser, "conversions-chart")).containsExactly("spring-sale", "coupon-week");
            assertThat(text(browser, "kpi-units")).isEqualTo("20");
            assertThat(text(browser, "kpi-conversions")).isEqualTo("13");

            // The default view shows the lines with the most revenue; the other is in the legend, a click away.
            assertThat(visibleSeries(browser, "units-chart")).containsExactly("store-01 · Dairy", "store-02 · Dairy");
            assertThat(visibleSeries(browser, "revenue-chart")).containsExactly("store-01 · Dairy", "store-02 · Dairy");
            assertThat(text(browser, "series-hint")).startsWith("2 of 3 lines shown");

            // Top items per store against the same figures summed here from the trends sent.
            for (String store : List.of("store-01", "store-02")) {
                assertThat(topItemRows(browser, store)).as(store).isEqualTo(expectedTopItems(store, W1, W3));
            }
            assertThat(topItemRows(browser, "store-01")).extracting(row -> row.get(0))
                    .containsExactly("sku-Dairy-a", "sku-Dairy-b", "sku-Bakery-a");

            // The funnel per campaign, most purchases first, with its conversion rate (purchases per email opened).
            assertThat(rows(browser, "#funnels tbody tr", null)).containsExactly(
                    List.of("spring-sale", "50", "30", "12", "5", "8", "16.0%"),
                    List.of("coupon-week", "0", "0", "6", "2", "5", "–"));
            screenshot(browser, "dashboard.png");

            // A new window and a campaign's new figure reach the open page through the sink and the page's polling.
            produce(platform, Topics.SALES_TRENDS, List.of(trend("store-02", "Dairy", TUMBLING, W3, 4, "11.00")));
            produce(platform, Topics.CAMPAIGN_CONVERSIONS, List.of(conversion("coupon-week", 11, "160.00", W3)));
            await("the open page to show the new figures").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> series(browser, "units-chart").get("store-02 · Dairy").equals(List.of(6L, 0L, 4L))
                            && series(browser, "conversions-chart").get("Conversions").equals(List.of(11L, 8L)));
            assertThat(labels(browser, "conversions-chart")).containsExactly("coupon-week", "spring-sale");
            await("the open page to show the new window's top items").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> topItemRows(browser, "store-02").equals(expectedTopItems("store-02", W1, W3.plusSeconds(60))));
            assertThat(text(browser, "status")).startsWith("Updated");
            screenshot(browser, "dashboard-updated.png");
        } finally {
            browser.quit();
        }
    }

    // --- browser ---

    /**
     * What a sink cannot read (random bytes, a schema id the registry never issued) or must not write (a record of
     * another contract, which the converter reads as a well-formed struct of the wrong shape) goes to the dashboard's
     * dead-letter topic with Connect's reason headers; the records around them still become rows, and both sinks stay
     * RUNNING.
     */
    @Test
    @Order(3)
    void badRecordsGoToTheDeadLetterTopicAndTheSinksGoOn(LocalPlatform platform) throws Exception {
        Instant window = W1.minus(10, ChronoUnit.MINUTES);
        // Each topic gets the other topic's contract, serialized as for its own topic (so its schema is registered).
        byte[] aConversion = serialized(platform, Topics.CAMPAIGN_CONVERSIONS, conversion("wrong-topic", 1, "1.00", W1));
        byte[] aTrend = serialized(platform, Topics.SALES_TRENDS, trend("store-09", "Dairy", TUMBLING, W1, 1, "1.00"));
        Map<String, byte[]> badTrends = badRecords("bad-trend-", aConversion);
        Map<String, byte[]> badConversions = badRecords("bad-conversion-", aTrend);

        try (TestKafka kafka = new TestKafka(platform)) {
            kafka.send(Topics.SALES_TRENDS, "store-09/Dairy/before", trend("store-09", "Dairy", TUMBLING, window, 5, "12.50"));
            badTrends.forEach((key, value) -> kafka.sendBytes(Topics.SALES_TRENDS.name(), key, value));
            kafka.send(Topics.SALES_TRENDS, "store-09/Dairy/after",
                    trend("store-09", "Dairy", TUMBLING, window.plusSeconds(60), 6, "15.00"));
            kafka.send(Topics.CAMPAIGN_CONVERSIONS, "before-poison", conversion("before-poison", 2, "20.00", W1));
            badConversions.forEach((key, value) -> kafka.sendBytes(Topics.CAMPAIGN_CONVERSIONS.name(), key, value));
            kafka.send(Topics.CAMPAIGN_CONVERSIONS, "after-poison", conversion("after-poison", 3, "30.00", W1));
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> trendRow("store-09", "Dairy", TUMBLING, window.plusSeconds(60)).units() == 6
                        && conversionCount("after-poison") == 3);
        assertThat(trendRow("store-09", "Dairy", TUMBLING, window).units()).isEqualTo(5);
        assertThat(conversionCount("before-poison")).isEqualTo(2);
        assertThat(conversionCount("wrong-topic")).as("a conversion sent to the trends topic").isEqualTo(-1);
        assertThat(trendRow("store-09", "Dairy", TUMBLING, W1).units()).as("a trend sent to the conversions topic")
                .isEqualTo(-1);

        Map<String, String> expected = new HashMap<>();
        badTrends.keySet().forEach(key -> expected.put(key, Topics.SALES_TRENDS.name()));
        badConversions.keySet().forEach(key -> expected.put(key, Topics.CAMPAIGN_CONVERSIONS.name()));
        Map<String, ConsumerRecord<String, byte[]>> deadLetters = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.SALES_DASHBOARD_DLT.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> deadLetters.put(record.key(), record));
                return deadLetters.size() >= expected.size();
            });
        }
        assertThat(deadLetters.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        deadLetters.forEach((key, record) -> {
            assertThat(header(record, "__connect.errors.topic")).as(key).isEqualTo(expected.get(key));
            assertThat(header(record, "__connect.errors.exception.class.name")).as(key).isNotBlank();
            assertThat(record.value()).as("the original bytes of " + key)
                    .isEqualTo(key.startsWith("bad-trend-") ? badTrends.get(key) : badConversions.get(key));
        });
        assertThat(header(deadLetters.get("bad-trend-other-contract"), "__connect.errors.exception.class.name"))
                .isEqualTo("org.apache.kafka.connect.errors.DataException");
        assertThat(header(deadLetters.get("bad-trend-other-contract"), "__connect.errors.exception.message"))
                .contains("schema 'com.zmart.events.CampaignConversion'").contains("'com.zmart.events.SalesTrend'");
        assertThat(header(deadLetters.get("bad-conversion-other-contract"), "__connect.errors.exception.message"))
                .contains("schema 'com.zmart.events.SalesTrend'").contains("'com.zmart.events.CampaignConversion'");

        ConnectorDeployer deployer = new ConnectorDeployer(platform.connect().orElseThrow().url());
        for (String sink : DashboardSinks.ALL) {
            assertThat(deployer.status(sink).running()).as(sink + " still running").isTrue();
        }
    }

    /** Random bytes (first byte not the wire format's magic 0), a frame whose schema id was never issued, a record. */
    private static Map<String, byte[]> badRecords(String prefix, byte[] otherContract) {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put(prefix + "random-bytes", new byte[] {7, 42, -1, 0, 13, 99, 1, 2, 3});
        bad.put(prefix + "unknown-schema", new byte[] {0, 0, 0x0F, 0x42, 0x40, 2, 4, 6});
        bad.put(prefix + "other-contract", otherContract);
        return bad;
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,2000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The datasets a chart draws right now, read from Chart.js itself: label → values. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> series(ChromeDriver browser, String canvas) {
        Object result = ((JavascriptExecutor) browser).executeScript("""
                const chart = window.Chart && Chart.getChart(arguments[0]);
                return chart ? chart.data.datasets.map(d => [d.label, d.data]) : [];""", canvas);
        Map<String, List<Object>> series = new LinkedHashMap<>();
        for (Object dataset : (List<Object>) result) {
            List<Object> pair = (List<Object>) dataset;
            List<Object> values = new ArrayList<>();
            for (Object value : (List<Object>) pair.get(1)) {
                // JavaScript numbers come back as Long when whole; revenue charts compare as doubles.
                values.add(canvas.equals("revenue-chart") ? ((Number) value).doubleValue() : value);
            }
            series.put((String) pair.get(0), values);
        }
        return series;
    }

    /** The lines a chart draws right now (the others are only in its legend). */
    @SuppressWarnings("unchecked")
    private static List<String> visibleSeries(ChromeDriver browser, String canvas) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const chart = Chart.getChart(arguments[0]);
                return chart.data.datasets.filter((d, i) => chart.isDatasetVisible(i)).map(d => d.label);""", canvas);
    }

    /** The store's top-items table: sku, then the cells as shown (rank, item, units, revenue). */
    private static List<List<String>> topItemRows(ChromeDriver browser, String store) {
        return rows(browser, "#top-items table[data-store='" + store + "'] tbody tr", "sku");
    }

    /**
     * The rows' cells (after the {@code data-<dataAttribute>} of the row, when given), read in one script: the page
     * replaces its tables on every refresh, so elements found one call earlier may be gone.
     */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(ChromeDriver browser, String rowSelector, String dataAttribute) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll(arguments[0])).map(row =>
                    (arguments[1] ? [row.dataset[arguments[1]]] : [])
                        .concat(Array.from(row.querySelectorAll('td')).map(td => td.textContent)));""",
                rowSelector, dataAttribute);
    }

    /**
     * What the store's top-items table must show, from the trends sent (the latest per window): the items of the
     * default view's windows in {@code [from, until)} summed per sku, most units first, then revenue, then sku; five.
     */
    private static List<List<String>> expectedTopItems(String store, Instant from, Instant until) {
        record Sold(String sku, String name, long units, BigDecimal revenue) {
        }
        Map<String, Sold> perSku = new LinkedHashMap<>();
        SENT_TRENDS.values().stream()
                .filter(t -> t.getStoreId().equals(store) && t.getWindowKind().equals(TUMBLING)
                        && !t.getWindowStart().isBefore(from) && t.getWindowStart().isBefore(until))
                .flatMap(t -> t.getTopItems().stream())
                .forEach(item -> perSku.merge(item.getSku(), new Sold(item.getSku(), item.getProductName(),
                        item.getUnits(), item.getRevenue()), (a, b) -> new Sold(a.sku(), a.name(),
                        a.units() + b.units(), a.revenue().add(b.revenue()))));
        List<Sold> sorted = perSku.values().stream()
                .sorted(java.util.Comparator.comparingLong(Sold::units).reversed()
                        .thenComparing(Sold::revenue, java.util.Comparator.reverseOrder()).thenComparing(Sold::sku))
                .limit(5).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Sold sold = sorted.get(i);
            rows.add(List.of(sold.sku(), Integer.toString(i + 1), sold.name(), Long.toString(sold.units()),
                    "$" + sold.revenue().setScale(2)));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(ChromeDriver browser, String canvas) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(arguments[0]).data.labels;", canvas);
    }

    private static String text(ChromeDriver browser, String id) {
        return browser.findElement(org.openqa.selenium.By.id(id)).getText();
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    // --- records ---

    private static SalesTrend trend(String store, String department, String kind, Instant start, long units, String revenue) {
        return SalesTrend.newBuilder().setStoreId(store).setStoreZipCode("10001").setDepartment(department)
                .setWindowKind(kind).setWindowStart(start).setWindowEnd(start.plusSeconds(60))
                .setUnits(units).setRevenue(new BigDecimal(revenue)).setTransactions(units).setDistinctCustomers(3)
                .setTopItems(topItems(department, units, new BigDecimal(revenue)))
                .build();
    }

    /** The window's units split over two products of the department: B sells a third of them at 1.00, A the rest. */
    private static List<TopItem> topItems(String department, long units, BigDecimal revenue) {
        long b = units / 3;
        BigDecimal bRevenue = BigDecimal.valueOf(b).setScale(2);
        List<TopItem> items = new ArrayList<>(List.of(item("sku-" + department + "-a", department + " A", units - b,
                revenue.subtract(bRevenue))));
        if (b > 0) {
            items.add(item("sku-" + department + "-b", department + " B", b, bRevenue));
        }
        return items;
    }

    private static TopItem item(String sku, String name, long units, BigDecimal revenue) {
        return TopItem.newBuilder().setSku(sku).setProductName(name).setUnits(units).setRevenue(revenue).build();
    }

    private static CampaignFunnel funnel(String campaign, long opened, long clicked, long activated, long printed,
                                         long purchases, Instant last) {
        return CampaignFunnel.newBuilder().setCampaignId(campaign).setEmailsOpened(opened).setLinksClicked(clicked)
                .setCouponsActivated(activated).setCouponsPrinted(printed).setPurchases(purchases).setLastEventAt(last)
                .build();
    }

    private static CampaignConversion conversion(String campaign, long conversions, String revenue, Instant last) {
        return CampaignConversion.newBuilder().setCampaignId(campaign).setConversionCount(conversions)
                .setAttributedRevenue(new BigDecimal(revenue)).setLastConversionAt(last).build();
    }

    private static <V extends SpecificRecord> void produce(LocalPlatform platform, TopicSpec<String, V> topic, List<V> values) {
        try (TestKafka kafka = new TestKafka(platform)) {
            for (V value : values) {
                kafka.send(topic, key(value), value);
                if (value instanceof SalesTrend trend) {
                    SENT_TRENDS.put(key(trend), trend);
                }
            }
        }
    }

    private static <V extends SpecificRecord> byte[] serialized(LocalPlatform platform, TopicSpec<String, V> topic, V value) {
        try (TestKafka kafka = new TestKafka(platform)) {
            return kafka.serialize(topic, value);
        }
    }

    private static String key(SpecificRecord value) {
        if (value instanceof SalesTrend t) {
            return t.getStoreId() + "/" + t.getDepartment() + "/" + t.getWindowKind() + "/" + t.getWindowStart();
        }
        if (value instanceof CampaignFunnel f) {
            return f.getCampaignId();
        }
        return ((CampaignConversion) value).getCampaignId();
    }

    // --- database ---

    record TrendRow(String zipCode, Instant windowEnd, long units, BigDecimal revenue, long transactions, int customers) {
    }

    private static TrendRow trendRow(String store, String department, String kind, Instant start) throws SQLException {
        try (Connection connection = DriverManager.getConnection(dashboardJdbcUrl, PostgresServer.USER, "");
             var query = connection.prepareStatement("""
                     SELECT store_zip_code, window_end, units, revenue, transactions, distinct_customers FROM sales_trends
                     WHERE store_id = ? AND department = ? AND window_kind = ? AND window_start = ?""")) {
            query.setString(1, store);
            query.setString(2, department);
            query.setString(3, kind);
            query.setTimestamp(4, java.sql.Timestamp.from(start));
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return new TrendRow(null, null, -1, null, -1, -1);
                }
                return new TrendRow(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getLong(5), rs.getInt(6));
            }
        }
    }

    private static long conversionCount(String campaign) throws SQLException {
        try (Connection connection = DriverManager.getConnection(dashboardJdbcUrl, PostgresServer.USER, "");
             var query = connection.prepareStatement("SELECT conversion_count FROM campaign_conversions WHERE campaign_id = ?")) {
            query.setString(1, campaign);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** emails opened, links clicked, coupons activated, coupons printed, purchases; -1s when there is no row. */
    private static List<Long> funnelRow(String campaign) throws SQLException {
        try (Connection connection = DriverManager.getConnection(dashboardJdbcUrl, PostgresServer.USER, "");
             var query = connection.prepareStatement("""
                     SELECT emails_opened, links_clicked, coupons_activated, coupons_printed, purchases
                     FROM campaign_funnels WHERE campaign_id = ?""")) {
            query.setString(1, campaign);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return List.of(-1L, -1L, -1L, -1L, -1L);
                }
                return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
        }
    }

    private static String topItemsJson(String store, String department, String kind, Instant start) throws SQLException {
        try (Connection connection = DriverManager.getConnection(dashboardJdbcUrl, PostgresServer.USER, "");
             var query = connection.prepareStatement("""
                     SELECT top_items::text FROM sales_trends
                     WHERE store_id = ? AND department = ? AND window_kind = ? AND window_start = ?""")) {
            query.setString(1, store);
            query.setString(2, department);
            query.setString(3, kind);
            query.setTimestamp(4, java.sql.Timestamp.from(start));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(dashboardJdbcUrl, PostgresServer.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
