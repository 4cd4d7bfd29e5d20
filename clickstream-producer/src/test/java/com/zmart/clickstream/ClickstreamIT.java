package com.zmart.clickstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.links.EmailLinkTokens;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.web.problems.InvalidRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on the real broker and registry: what it accepts arrives, what it rejects never does. */
@LocalPlatformTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClickstreamIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String SECRET = PlatformProperties.LINK_SECRET;
    private static final Map<String, ClickEvent> seen = new HashMap<>();
    private static KafkaConsumer<String, byte[]> consumer;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformProperties.register(registry);
    }

    @BeforeAll
    static void subscribe() {
        LocalPlatform platform = LocalPlatformExtension.running();
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "clickstream-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CLICKS.name()));
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    @Test
    @Order(1)
    void acceptedClicksArriveAsAvroInOrderPerCustomer() throws Exception {
        List<String> customers = List.of("cust-000001", "cust-000002", "cust-000003");
        Map<String, List<String>> postedIds = new LinkedHashMap<>();
        for (int round = 0; round < 5; round++) {
            for (String customer : customers) {
                HttpResponse<String> response = post("/api/clicks", click(customer, ClickAction.VIEWED_PAGE, null));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                postedIds.computeIfAbsent(customer, c -> new ArrayList<>()).add(JSON.readTree(response.body()).get("eventIds").get(0).asText());
            }
        }
        List<Map<String, Object>> batch = IntStream.range(0, 10)
                .mapToObj(i -> click(customers.get(i % 3), ClickAction.ACTIVATED_COUPON, null)).toList();
        HttpResponse<String> batchResponse = post("/api/clicks/batch", batch);
        assertThat(batchResponse.statusCode()).as(batchResponse.body()).isEqualTo(202);
        JsonNode ids = JSON.readTree(batchResponse.body()).get("eventIds");
        for (int i = 0; i < ids.size(); i++) {
            postedIds.get(customers.get(i % 3)).add(ids.get(i).asText());
        }

        List<String> all = postedIds.values().stream().flatMap(List::stream).toList();
        awaitSeen(all);
        for (String customer : customers) {
            List<String> arrived = arrivalOrder.stream().filter(id -> seen.get(id).getCustomerId().equals(customer)).toList();
            assertThat(arrived).as("order of %s", customer).containsSubsequence(postedIds.get(customer));
            assertThat(postedIds.get(customer).stream().map(partitionOf::get).collect(Collectors.toSet())).hasSize(1);
        }
        assertThat(seen.get(all.get(0)).getAction()).isEqualTo(ClickAction.VIEWED_PAGE);
    }

    @Test
    @Order(2)
    void invalidClicksAreProblemsNamingTheField() throws Exception {
        Map<String, Object> unknownAction = click("cust-000001", ClickAction.VIEWED_PAGE, null);
        unknownAction.put("action", "LICKED_SCREEN");
        assertProblem(post("/api/clicks", unknownAction), 400, "action");

        Map<String, Object> noCampaign = click("cust-000001", ClickAction.VIEWED_PAGE, null);
        noCampaign.remove("campaignId");
        assertProblem(post("/api/clicks", noCampaign), 400, "campaignId");

        Map<String, Object> future = click("cust-000001", ClickAction.VIEWED_PAGE, null);
        future.put("occurredAt", Instant.now().plus(Duration.ofDays(365)).toString());
        assertProblem(post("/api/clicks", future), 400, "occurredAt");

        assertProblem(postRaw("/api/clicks", "{\"campaignId\": "), 400, "body");
    }

    @Test
    @Order(3)
    void aRejectedBatchProducesNothing() throws Exception {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(click("cust-000009", ClickAction.PRINTED_COUPON, UUID.randomUUID().toString()));
        }
        batch.get(3).put("url", "not a url");
        assertProblem(post("/api/clicks/batch", batch), 400, "[3].url");

        List<Map<String, Object>> tooMany = IntStream.range(0, PlatformProperties.MAX_BATCH_SIZE + 1)
                .mapToObj(i -> click("cust-000009", ClickAction.PRINTED_COUPON, UUID.randomUUID().toString())).toList();
        JsonNode batchTooLarge = assertProblem(post("/api/clicks/batch", tooMany), 413, "at most 50");
        assertThat(batchTooLarge.at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(batchTooLarge.get("maxBatchSize").asInt()).isEqualTo(PlatformProperties.MAX_BATCH_SIZE);

        JsonNode bodyTooLarge = assertProblem(postRaw("/api/clicks", "{\"pad\":\"" + "x".repeat(70_000) + "\"}"), 413, "exceeds");
        assertThat(bodyTooLarge.at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(bodyTooLarge.get("maxBodyBytes").asInt()).isEqualTo(PlatformProperties.MAX_BODY_BYTES);

        // A client that announces a body past the limit (Expect: 100-continue, as curl does for large bodies) gets
        // the 413 instead of a go-ahead, so it never sends the body.
        assertThat(statusLineOfAnnouncedBody("/api/clicks/batch", 8L * 1024 * 1024)).startsWith("HTTP/1.1 413 ");

        // A click sent after the rejected batches arrives (same customer, so same partition, after them); theirs never do.
        String marker = JSON.readTree(post("/api/clicks", click("cust-000009", ClickAction.OPENED_EMAIL, null)).body())
                .get("eventIds").get(0).asText();
        awaitSeen(List.of(marker));
        List<Object> rejected = new ArrayList<>();
        batch.forEach(c -> rejected.add(c.get("eventId")));
        tooMany.forEach(c -> rejected.add(c.get("eventId")));
        assertThat(seen.keySet()).doesNotContainAnyElementsOf(rejected.stream().map(String.class::cast).toList());
    }

    @Test
    @Order(4)
    void emailLinksRecordTheClickAndRedirectOnlyToAllowedHosts() throws Exception {
        String token = new EmailLinkTokens(SECRET).tokenFor("spring-sale", "cust-000042");
        String destination = "https://coupons.zmart.example/spring-sale";

        HttpResponse<String> followed = get("/c/spring-sale/" + token + "?to=" + destination);
        assertThat(followed.statusCode()).isEqualTo(302);
        assertThat(followed.headers().firstValue("Location")).contains(destination);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return seen.values().stream().anyMatch(c -> c.getCustomerId().equals("cust-000042")
                    && c.getAction() == ClickAction.CLICKED_LINK && c.getCampaignId().equals("spring-sale"));
        });

        assertProblem(get("/c/spring-sale/" + token + "?to=https://evil.example/phish"), 400, "to");
        assertProblem(get("/c/spring-sale/" + token + "?to=https://coupons.zmart.example@evil.example/"), 400, "to");
        assertProblem(get("/c/other-campaign/" + token + "?to=" + destination), 400, "token");
    }

    @Test
    @Order(5)
    void metricsHealthAndOpenApiAreServed() throws Exception {
        assertThat(get("/actuator/prometheus").body()).contains("zmart_clicks_accepted_total").contains("zmart_clicks_rejected_total")
                .contains("zmart_clicks_produce_latency_seconds_count");
        // One latency per acknowledged request: at least the 15 single clicks and the batch of the first test.
        JsonNode latency = JSON.readTree(get("/actuator/metrics/zmart.clicks.produce.latency").body());
        assertThat(measurement(latency, "COUNT")).isGreaterThanOrEqualTo(16);
        assertThat(measurement(latency, "TOTAL_TIME")).isPositive();
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(get("/v3/api-docs").body()).contains("/api/clicks/batch").contains("/c/{campaign}/{token}");
    }

    @Test
    @Order(6)
    void withTheBrokerDownTheServiceAnswers503AndRecoversWhenItReturns(LocalPlatform platform) throws Exception {
        platform.suspendKafka();
        try {
            HttpResponse<String> refused = post("/api/clicks", click("cust-000007", ClickAction.VIEWED_PAGE, null));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
            // The click was sent without an eventId: the 503 names the one drawn for it, to retry with.
            assertThat(JSON.readTree(refused.body()).get("eventIds")).as(refused.body()).hasSize(1)
                    .allSatisfy(id -> assertThat(id.asText()).matches("[0-9a-f-]{36}"));
            assertThat(get("/actuator/health/kafka").statusCode()).isEqualTo(503);
        } finally {
            platform.resumeKafka();
        }
        List<String> accepted = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> response = post("/api/clicks", click("cust-000007", ClickAction.VIEWED_PAGE, null));
            if (response.statusCode() == 202) {
                accepted.add(JSON.readTree(response.body()).get("eventIds").get(0).asText());
                return true;
            }
            return false;
        });
        awaitSeen(accepted);
    }

    // --- helpers ---

    private static final List<String> arrivalOrder = new ArrayList<>();
    private static final Map<String, Integer> partitionOf = new HashMap<>();

    private static void poll() {
        try (var deserializer = TopicSerdes.registry(LocalPlatformExtension.running().registry().apiV3Url())
                .valueDeserializer(Topics.CLICKS)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                ClickEvent click = deserializer.deserialize(record.topic(), record.value());
                assertThat(record.key()).isEqualTo(click.getCustomerId());
                if (seen.put(click.getEventId(), click) == null) {
                    arrivalOrder.add(click.getEventId());
                    partitionOf.put(click.getEventId(), record.partition());
                }
            }
        }
    }

    private static void awaitSeen(List<String> eventIds) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            poll();
            return seen.keySet().containsAll(eventIds);
        });
    }

    private static Map<String, Object> click(String customer, ClickAction action, String eventId) {
        Map<String, Object> click = new HashMap<>();
        if (eventId != null) {
            click.put("eventId", eventId);
        }
        click.put("campaignId", "spring-sale");
        click.put("customerId", customer);
        click.put("sessionId", "session-" + customer);
        click.put("action", action.name());
        click.put("url", "https://coupons.zmart.example/spring-sale");
        return click;
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String mentioned) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(response.body()).contains(mentioned);
        JsonNode problem = JSON.readTree(response.body());
        if (status == 400) {
            assertThat(problem.get("type").asText()).isEqualTo(InvalidRequest.TYPE.toString());
            assertThat(problem.at("/errors/0/field").asText()).as(response.body()).isEqualTo(mentioned);
        }
        return problem;
    }

    private static double measurement(JsonNode metric, String statistic) {
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asText().equals(statistic)) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + metric);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return postRaw(path, JSON.writeValueAsString(body));
    }

    private HttpResponse<String> postRaw(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends only the headers of a POST whose body is announced, and reads the first status line answered. */
    private String statusLineOfAnnouncedBody(String path, long contentLength) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
