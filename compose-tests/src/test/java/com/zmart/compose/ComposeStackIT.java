package com.zmart.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.Sale;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.ComposeContainer;

/**
 * The container path as a user takes it: docker-compose.yml started by Testcontainers, images built from the sources,
 * every variable at its default, the simulators running. One customer of the test's own (a store, a product, a loyalty
 * member and one sale line, under ids nobody else uses) goes through the story, so every figure is exact while the
 * simulators write around it: the sale is masked on zmart.sales, the member's rewards are served by the REST lookup, the
 * coupon email reaches Mailpit, the trends reach the dashboard database.
 */
@RequiresDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The stack's published ports (127.0.0.1): the compose file's, so a running stack of your own must be stopped. */
    private static final String KAFKA = "127.0.0.1:9092";
    private static final String REGISTRY_V3 = "http://127.0.0.1:8081/apis/registry/v3";
    private static final String REWARDS = "http://127.0.0.1:8091";
    private static final String MAILPIT = "http://127.0.0.1:8025";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5433/";
    private static final Duration STACK_READY = Duration.ofMinutes(15);
    private static final Duration STORY = Duration.ofMinutes(3);

    // 3 x 40.00, no discount, not electronics: 120 points (1 a currency unit), past the first threshold (100).
    private static final int QUANTITY = 3;
    private static final BigDecimal UNIT_PRICE = new BigDecimal("40.00");
    private static final String CARD = "4111111111111111";

    private static final String ID = "tc" + UUID.randomUUID().toString().substring(0, 8);
    private static final String STORE = "store-" + ID;
    private static final String SKU = "sku-" + ID;
    private static final String CUSTOMER = "cust-" + ID;
    private static final String MEMBER = "member-" + ID;
    private static final String EMAIL = ID + "@zmart.example";
    private static final String TRANSACTION = "txn-" + ID;

    private static ComposeContainer stack;

    @BeforeAll
    @Timeout(value = 40, unit = TimeUnit.MINUTES) // the first build of every image from the sources included
    static void startTheStackAndSell() throws Exception {
        stack = new ComposeContainer(ComposeDefaults.COMPOSE_FILE.toFile())
                .withBuild(true)
                .withStartupTimeout(STACK_READY);
        stack.start();
        await("rewards, inventory, dashboard, trends and clicks ready").atMost(STACK_READY).pollInterval(Duration.ofSeconds(5))
                .until(() -> List.of(8090, 8091, 8092, 8093, 8094).stream().allMatch(ComposeStackIT::ready));

        try (Connection pos = pos()) {
            execute(pos, "INSERT INTO stores VALUES (?, ?, ?, ?)", STORE, "Test store " + ID, "99999", "test");
            execute(pos, "INSERT INTO products VALUES (?, ?, ?, ?)", SKU, "Test rake", "garden", UNIT_PRICE);
            execute(pos, "INSERT INTO customers VALUES (?, ?, ?)", CUSTOMER, "Tess", "Container");
            execute(pos, "INSERT INTO loyalty_members VALUES (?, ?, ?, ?, ?)", MEMBER, CUSTOMER, EMAIL, "Tess",
                    Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        }
        // The member's address reaches the rewards service before the sale that earns the coupon.
        await("member " + MEMBER + " on " + Topics.LOYALTY_MEMBERS.name()).atMost(STORY)
                .until(() -> !records(Topics.LOYALTY_MEMBERS, MEMBER).isEmpty());
        try (Connection pos = pos()) {
            execute(pos, """
                    INSERT INTO sale_lines (transaction_id, line_number, store_id, store_zip_code, store_region, customer_id,
                        loyalty_member_id, sku, product_name, department, quantity, unit_price, coupon_code, discount,
                        card_number, purchased_at)
                    VALUES (?, 1, ?, '99999', 'test', ?, ?, ?, 'Test rake', 'garden', ?, ?, NULL, 0, ?, ?)""",
                    TRANSACTION, STORE, CUSTOMER, MEMBER, SKU, QUANTITY, UNIT_PRICE, CARD,
                    Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void theSaleIsOnZmartSalesOnceWithItsCardNumberMasked() {
        List<Sale> sales = new ArrayList<>();
        await().atMost(STORY).until(() -> {
            sales.clear();
            sales.addAll(records(Topics.SALES, TRANSACTION));
            return !sales.isEmpty();
        });
        assertThat(sales).singleElement().satisfies(sale -> {
            assertThat(sale.getTransactionId()).isEqualTo(TRANSACTION);
            assertThat(sale.getLineNumber()).isEqualTo(1);
            assertThat(sale.getMaskedCardNumber()).isEqualTo("xxxxxxxxxxxx1111");
            assertThat(sale.getStoreId()).isEqualTo(STORE);
            assertThat(sale.getSku()).isEqualTo(SKU);
            assertThat(sale.getQuantity()).isEqualTo(QUANTITY);
            assertThat(sale.getUnitPrice()).isEqualByComparingTo(UNIT_PRICE);
            assertThat(sale.getLoyaltyMemberId()).isEqualTo(MEMBER);
        });
    }

    @Test
    @Order(2)
    void theMembersRewardsAreServedByTheLookupWithTheDefaultApiKey() throws Exception {
        String url = REWARDS + "/api/rewards/" + MEMBER;
        Map<String, String> key = Map.of("X-API-Key", ComposeDefaults.of("ZMART_API_KEYS"));
        await().atMost(STORY).ignoreExceptions()
                .until(() -> JSON.readTree(get(url, key).body()).path("totalPoints").asLong() == 120);
        HttpResponse<String> response = get(url, key);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rewards = JSON.readTree(response.body());
        assertThat(rewards.get("memberId").asText()).isEqualTo(MEMBER);
        assertThat(rewards.get("totalPoints").asLong()).isEqualTo(120);
        assertThat(rewards.get("saleLines").asLong()).isEqualTo(1);
        assertThat(rewards.get("tier").asText()).isEqualTo("BRONZE");
        assertThat(rewards.get("nextThreshold").asLong()).isEqualTo(250);
        assertThat(rewards.get("pointsToNextThreshold").asLong()).isEqualTo(130);
        assertThat(rewards.get("coupons")).hasSize(1);
        assertThat(rewards.get("coupons").get(0).get("thresholdPoints").asLong()).isEqualTo(100);
        assertThat(rewards.get("coupons").get(0).get("discountPercent").asInt()).isEqualTo(10);
        // Without the key, nothing.
        assertThat(get(url, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void theCouponEmailReachesMailpit() throws Exception {
        String search = MAILPIT + "/api/v1/search?query=" + URLEncoder.encode("to:\"" + EMAIL + "\"", StandardCharsets.UTF_8);
        await().atMost(STORY).ignoreExceptions()
                .until(() -> JSON.readTree(get(search, Map.of()).body()).path("messages_count").asInt() >= 1);
        JsonNode found = JSON.readTree(get(search, Map.of()).body());
        assertThat(found.get("messages_count").asInt()).isEqualTo(1);
        JsonNode message = found.get("messages").get(0);
        assertThat(message.get("To")).hasSize(1);
        assertThat(message.get("To").get(0).get("Address").asText()).isEqualTo(EMAIL);
        String coupon = JSON.readTree(get(REWARDS + "/api/rewards/" + MEMBER,
                Map.of("X-API-Key", ComposeDefaults.of("ZMART_API_KEYS"))).body()).get("coupons").get(0).get("couponCode").asText();
        assertThat(message.get("Subject").asText()).isEqualTo("Your ZMart reward: 10% off with coupon " + coupon);
    }

    @Test
    @Order(4)
    void theTrendsOfTheSaleReachTheDashboardDatabase() {
        // One one-minute window and the twelve hour-long windows (advancing by 5 minutes) that hold the sale.
        List<String> rows = new ArrayList<>();
        await().atMost(STORY).pollInterval(Duration.ofSeconds(2)).until(() -> {
            rows.clear();
            try (Connection dashboard = DriverManager.getConnection(POSTGRES + "dashboard", ComposeDefaults.of("POSTGRES_USER"),
                    ComposeDefaults.of("POSTGRES_PASSWORD"));
                 PreparedStatement query = dashboard.prepareStatement("""
                         SELECT window_kind, department, units, revenue, transactions, distinct_customers
                         FROM sales_trends WHERE store_id = ? ORDER BY window_kind, window_start""")) {
                query.setString(1, STORE);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getBigDecimal(4).toPlainString(), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return rows.size() == 13;
        });
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("hopping-1h-5m|garden|3|120.00|1|1");
        }
        expected.add("tumbling-1m|garden|3|120.00|1|1");
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    /** The values of a topic's records under one key, from the start, as the services deserialize them. */
    private static <T> List<T> records(TopicSpec<String, T> spec, String key) {
        String topic = spec.name();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "compose-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
             Deserializer<T> deserializer = TopicSerdes.registry(REGISTRY_V3).valueDeserializer(spec)) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && new String(record.value(), StandardCharsets.ISO_8859_1).contains(CARD)) {
                        throw new AssertionError("an unmasked card number on " + topic + " at offset " + record.offset());
                    }
                    T value = record.value() == null ? null : deserializer.deserialize(topic, record.value());
                    if (value != null && matches(value, key)) {
                        values.add(value);
                    }
                }
                if (!values.isEmpty() && consumer.assignment().stream().allMatch(p ->
                        consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p))) {
                    break;
                }
            }
        }
        return values;
    }

    private static boolean matches(Object value, String key) {
        if (value instanceof Sale sale) {
            return sale.getTransactionId().equals(key);
        }
        return value instanceof LoyaltyMember member && member.getMemberId().equals(key);
    }

    private static Connection pos() throws Exception {
        return DriverManager.getConnection(POSTGRES + "pos", ComposeDefaults.of("POSTGRES_USER"), ComposeDefaults.of("POSTGRES_PASSWORD"));
    }

    private static void execute(Connection connection, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static boolean ready(int port) {
        try {
            return get("http://127.0.0.1:" + port + "/actuator/health/readiness", Map.of()).statusCode() == 200;
        } catch (Exception e) {
            return false; // not listening yet
        }
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
