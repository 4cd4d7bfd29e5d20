package com.zmart.trends;

import static com.zmart.contracts.testing.DeadLetterRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.ClickAction;
import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.streams.runtime.ManagedKafkaStreams;
import com.zmart.trends.trends.TrendStores;
import com.zmart.web.problems.InvalidRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on the real broker and registry: sales and clicks in, trends, attributions and dead letters out. */
@LocalPlatformTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Closes the streams while the platform still runs (it stops when the JVM's tests end), not after.
@DirtiesContext
class SalesTrendsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Event time of the test's sales: the current minute, so the windows are the ones a dashboard shows now. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static PlatformTopics topics;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformProperties.register(registry);
    }

    @BeforeAll
    static void connect() {
        topics = new PlatformTopics(LocalPlatformExtension.running(), Topics.SALES_TRENDS.name(),
                Topics.CAMPAIGN_ATTRIBUTIONS.name(), Topics.CAMPAIGN_CONVERSIONS.name(), Topics.CAMPAIGN_FUNNELS.name(),
                Topics.SALES_TRENDS_DLT.name());
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @Test
    @Order(1)
    void salesBecomeWindowedTrendsCountingDuplicatesOnce() {
        Sale coffee = line("it-t-1", 1, "it-store-1", "cust-it-a", "2.50", 2).build();
        topics.sell(coffee, coffee,
                line("it-t-1", 2, "it-store-1", "cust-it-a", "10.00", 1).setSku("sku-tea").setProductName("Tea").build(),
                line("it-t-2", 1, "it-store-1", "cust-it-b", "2.50", 3).build());

        String key = "it-store-1/grocery/tumbling-1m/" + NOW;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(latestTrend(key))
                .hasValueSatisfying(trend -> assertThat(trend.getUnits()).isEqualTo(6)));
        SalesTrend trend = latestTrend(key).orElseThrow();
        assertThat(trend.getRevenue()).isEqualByComparingTo("22.50");
        assertThat(trend.getTransactions()).isEqualTo(2);
        assertThat(trend.getDistinctCustomers()).isEqualTo(2);
        assertThat(trend.getWindowStart()).isEqualTo(NOW);
        assertThat(trend.getWindowEnd()).isEqualTo(NOW.plusSeconds(60));
        assertThat(trend.getTopItems()).extracting(t -> t.getSku() + "=" + t.getUnits())
                .containsExactly("sku-coffee=5", "sku-tea=1");
        // The hour-long view has its own, longer emit interval (application.yml).
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                latestTrend("it-store-1/grocery/hopping-1h-5m/" + lastHourWindowContaining(NOW)))
                .hasValueSatisfying(hour -> assertThat(hour.getUnits()).isEqualTo(6)));
    }

    @Test
    @Order(2)
    void aPurchaseAfterACouponClickIsAttributedAndCounted() {
        topics.click(TrendsFixtures.click("cust-it-c", "it-spring", ClickAction.ACTIVATED_COUPON,
                NOW.minus(Duration.ofHours(1))));
        topics.click(TrendsFixtures.click("cust-it-c", "it-spring", ClickAction.PRINTED_COUPON,
                NOW.minus(Duration.ofMinutes(30))));
        topics.sell(line("it-t-3", 1, "it-store-2", "cust-it-c", "20.00", 1).setCouponCode("SPRING").build(),
                line("it-t-3", 2, "it-store-2", "cust-it-c", "5.00", 2).build());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.values(Topics.CAMPAIGN_CONVERSIONS))
                .anySatisfy(c -> assertThat(c.getCampaignId()).isEqualTo("it-spring")));
        assertThat(topics.values(Topics.CAMPAIGN_ATTRIBUTIONS))
                .filteredOn(a -> a.getCampaignId().equals("it-spring")).singleElement().satisfies(a -> {
                    assertThat(a.getTransactionId()).isEqualTo("it-t-3");
                    assertThat(a.getClickAction()).isEqualTo(ClickAction.ACTIVATED_COUPON);
                    assertThat(a.getRevenue()).isEqualByComparingTo("30.00");
                    assertThat(a.getCouponCode()).isEqualTo("SPRING");
                });
        assertThat(topics.values(Topics.CAMPAIGN_CONVERSIONS))
                .filteredOn(c -> c.getCampaignId().equals("it-spring")).last().satisfies(c -> {
                    assertThat(c.getConversionCount()).isEqualTo(1);
                    assertThat(c.getAttributedRevenue()).isEqualByComparingTo("30.00");
                });
        // The campaign's funnel (registry serde, compacted topic): the two coupon clicks, then the purchase.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.values(Topics.CAMPAIGN_FUNNELS))
                .anySatisfy(f -> assertThat(f.getCampaignId() + "/" + f.getPurchases())
                .isEqualTo("it-spring/1")));
        assertThat(topics.values(Topics.CAMPAIGN_FUNNELS))
                .filteredOn(f -> f.getCampaignId().equals("it-spring")).last().satisfies(f -> assertThat(List.of(
                        f.getEmailsOpened(), f.getLinksClicked(), f.getCouponsActivated(), f.getCouponsPrinted(),
                        f.getPurchases())).containsExactly(0L, 0L, 1L, 1L, 1L));
    }

    @Test
    @Order(3)
    void unreadableAndInvalidRecordsGoToTheDeadLetterTopicAndProcessingGoesOn() throws Exception {
        byte[] garbage = {0, 0, 0, 0, 42, -1, -2, -3};
        topics.send(Topics.SALES.name(), "it-poison", garbage);
        Sale zeroQuantity = line("it-t-invalid", 1, "it-store-3", "cust-it-d", "1.00", 0).build();
        byte[] invalidBytes = topics.avro(Topics.SALES, zeroQuantity);
        topics.send(Topics.SALES.name(), "it-t-invalid", invalidBytes);
        // A registered contract on the wrong topic: a sale among the clicks.
        byte[] strayBytes = topics.avro(Topics.SALES, line("it-t-stray", 1, "it-store-3", "cust-it-d", "1.00", 1)
                .build());
        topics.send(Topics.CLICKS.name(), "it-stray", strayBytes);
        topics.sell(line("it-t-4", 1, "it-store-3", "cust-it-d", "1.00", 4).build());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLetters()).hasSize(3));
        Map<String, ConsumerRecord<String, byte[]>> byKey = deadLetters();
        assertThat(byKey.get("it-poison")).satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.DESERIALIZATION.headerValue());
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.SALES.name());
        });
        assertThat(byKey.get("it-t-invalid")).satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(invalidBytes);
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.INVALID.headerValue());
            assertThat(header(letter, DeadLetterHeaders.MESSAGE)).contains("quantity must be between 1 and 1000000");
        });
        assertThat(byKey.get("it-stray")).satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(strayBytes);
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.DESERIALIZATION.headerValue());
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.CLICKS.name());
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(latestTrend("it-store-3/grocery/tumbling-1m/" + NOW))
                .hasValueSatisfying(trend -> assertThat(trend.getUnits()).isEqualTo(4)));
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void theRestApiAnswersFromTheWindowStores() throws Exception {
        HttpResponse<String> store = awaitOk("/api/trends/stores/it-store-1");
        JsonNode departments = JSON.readTree(store.body()).get("departments");
        assertThat(departments).hasSize(1);
        assertThat(departments.get(0).get("department").asText()).isEqualTo("grocery");
        assertThat(departments.get(0).get("units").asLong()).isEqualTo(6);
        assertThat(departments.get(0).get("windowStart").asText()).isEqualTo(NOW.toString());
        assertThat(departments.get(0).get("revenue").decimalValue()).isEqualByComparingTo(new BigDecimal("22.50"));

        JsonNode hours = JSON.readTree(awaitOk("/api/trends/stores/it-store-1/departments/grocery"
                + "?window=hopping-1h-5m&limit=3").body()).get("windows");
        assertThat(hours).hasSize(3);
        assertThat(hours.get(0).get("windowKind").asText()).isEqualTo("hopping-1h-5m");
        assertThat(hours.get(0).get("units").asLong()).isEqualTo(6);

        JsonNode conversion = JSON.readTree(awaitOk("/api/campaigns/it-spring/conversion").body());
        assertThat(conversion.get("conversionCount").asLong()).isEqualTo(1);

        assertProblem(get("/api/trends/stores/it-store-1?window=tumbling-7m"), 400, "window");
        assertProblem(get("/api/trends/stores/it-store-1/departments/grocery?limit=0"), 400, "limit");
        assertProblem(get("/api/trends/stores/it%20store"), 400, "storeId");
        assertProblem(get("/api/trends/stores/no-such-store"), 404, "no-such-store");
        assertProblem(get("/api/campaigns/no-such-campaign/conversion"), 404, "no-such-campaign");
    }

    @Test
    @Order(5)
    void healthReadinessAndOpenApiAreServed() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(JSON.readTree(health.body()).at("/components/kafkaStreams/details/state").asText())
                .isEqualTo("RUNNING");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs").body()).contains("/api/trends/stores/{storeId}")
                .contains("/api/campaigns/{campaignId}/conversion");
    }

    @Test
    @Order(6)
    void aSecondInstanceAnswersTheSameByForwardingToTheOwner() throws Exception {
        LocalPlatform platform = LocalPlatformExtension.running();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SalesTrendsApplication.class)
                // Arguments, so that they win over application.yml (as the test's dynamic properties do).
                .run("--server.port=0",
                        "--zmart.sales-trends.bootstrap-servers=" + platform.bootstrapServers(),
                        "--zmart.sales-trends.registry-url=" + platform.registry().apiV3Url(),
                        "--zmart.sales-trends.state-dir=" + PlatformProperties.newStateDir())) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            KafkaStreams secondStreams = second.getBean(ManagedKafkaStreams.class).streams();
            await().atMost(PATIENCE).until(() -> secondStreams.state() == KafkaStreams.State.RUNNING
                    && secondStreams.metadataForAllStreamsClients().size() == 2);

            for (String store : List.of("it-store-1", "it-store-2", "it-store-3")) {
                String path = "/api/trends/stores/" + store;
                JsonNode fromFirst = JSON.readTree(awaitOk(port, path).body());
                JsonNode fromSecond = JSON.readTree(awaitOk(secondPort, path).body());
                assertThat(fromSecond).as(store).isEqualTo(fromFirst);
                // One of the two instances does not own the store, so one of the two answers was forwarded.
                int owner = secondStreams.queryMetadataForKey(TrendStores.PANES, store,
                        Serdes.String().serializer()).activeHost().port();
                assertThat(owner).isIn(port, secondPort);
            }
            JsonNode conversion = JSON.readTree(awaitOk(secondPort, "/api/campaigns/it-spring/conversion").body());
            assertThat(conversion.get("conversionCount").asLong()).isEqualTo(1);
        }
    }

    // --- helpers ---

    private static Sale.Builder line(String transactionId, int lineNumber, String store, String customer,
                                     String unitPrice, int quantity) {
        return TrendsFixtures.sale(transactionId, lineNumber, customer, unitPrice, quantity).setStoreId(store)
                .setPurchasedAt(NOW);
    }

    /** Start of the last hopping window (1 h, every 5 min, aligned to the epoch) that contains {@code instant}. */
    private static Instant lastHourWindowContaining(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES).minusSeconds(instant.getEpochSecond() % 300);
    }

    private static Optional<SalesTrend> latestTrend(String key) {
        return Optional.ofNullable(topics.latest(Topics.SALES_TRENDS).get(key));
    }

    private static Map<String, ConsumerRecord<String, byte[]>> deadLetters() {
        Map<String, ConsumerRecord<String, byte[]>> byKey = new LinkedHashMap<>();
        topics.records().stream().filter(r -> r.topic().equals(Topics.SALES_TRENDS_DLT.name()))
                .forEach(r -> byKey.put(r.key(), r));
        return byKey;
    }

    private HttpResponse<String> awaitOk(String path) {
        return awaitOk(port, path);
    }

    /** 503 (rebalancing) is retried, as Retry-After asks; anything but 200 in the end fails. */
    private static HttpResponse<String> awaitOk(int instancePort, String path) {
        return await().atMost(PATIENCE).until(() -> get(instancePort, path), response -> response.statusCode() == 200);
    }

    private void assertProblem(HttpResponse<String> response, int status, String mentioned) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(response.body()).contains(mentioned);
        if (status == 400) {
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asText()).isEqualTo(InvalidRequest.TYPE.toString());
            assertThat(problem.at("/errors/0/field").asText()).as(response.body()).isEqualTo(mentioned);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    private static HttpResponse<String> get(int instancePort, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instancePort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
