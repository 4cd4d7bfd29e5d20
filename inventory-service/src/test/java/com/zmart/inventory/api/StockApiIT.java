package com.zmart.inventory.api;

import static com.zmart.inventory.Fixtures.newStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.ReorderRequest;
import com.zmart.inventory.Fixtures;
import com.zmart.inventory.PlatformProperties;
import com.zmart.inventory.ServiceOnPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import com.zmart.platform.testing.TestKafka;
import com.zmart.web.problems.InvalidRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API over HTTP, on the real database: lookups, reorder policies, restocks, problems, health, OpenAPI. */
class StockApiIT extends ServiceOnPlatform {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theSimulatorsCatalogIsSeeded() throws Exception {
        // Tests never sell the seeded items, so they still hold the seed of application.yml.
        JsonNode item = JSON.readTree(get("/api/stock/store-010/sku-00200").body());
        assertThat(item.at("/onHand").asInt()).isEqualTo(100);
        assertThat(item.at("/reorderPoint").asInt()).isEqualTo(20);
        assertThat(item.at("/reorderQuantity").asInt()).isEqualTo(100);
        assertThat(item.at("/belowReorderPoint").asBoolean()).isFalse();
        assertThat(item.at("/openReorder").isNull()).isTrue();
        assertProblem(get("/api/stock/store-011/sku-00001"), 404, "store-011");
        assertProblem(get("/api/stock/store-001/sku-00201"), 404, "sku-00201");
    }

    @Test
    void raisingTheReorderPointAboveTheStockRequestsAReorderAndListsTheItem() throws Exception {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-kettle", 30, 10, 40);

        HttpResponse<String> changed = put("/api/stock/" + store + "/sku-kettle/reorder-policy",
                "{\"reorderPoint\": 35, \"reorderQuantity\": 60}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode item = JSON.readTree(changed.body());
        assertThat(item.at("/reorderPoint").asInt()).isEqualTo(35);
        assertThat(item.at("/belowReorderPoint").asBoolean()).isTrue();
        assertThat(item.at("/openReorder/quantityToOrder").asInt()).isEqualTo(60);
        String reorderId = item.at("/openReorder/reorderId").asString();

        JsonNode below = JSON.readTree(get("/api/stock/below-reorder-point?storeId=" + store).body());
        assertThat(below.size()).isEqualTo(1);
        assertThat(below.get(0).at("/sku").asString()).isEqualTo("sku-kettle");

        try (TestKafka kafka = new TestKafka(LocalPlatformExtension.running());
             TestKafka.Reader reorders = kafka.reader(Topics.REORDERS)) {
            var records = reorders.awaitMatching(r -> Fixtures.key(store, "sku-kettle").equals(r.key()), 1);
            ReorderRequest request = reorders.value(records.get(0));
            assertThat(request.getReorderId()).isEqualTo(reorderId);
            assertThat(request.getCurrentLevel()).isEqualTo(30);
        }
    }

    @Test
    void aRestockRaisesTheStockClosesTheReorderAndCountsOnce() throws Exception {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-rake", 3, 5, 20);
        put("/api/stock/" + store + "/sku-rake/reorder-policy", "{\"reorderPoint\": 5, \"reorderQuantity\": 20}");
        String reorderId = JSON.readTree(get("/api/stock/" + store + "/sku-rake").body()).at("/openReorder/reorderId").asString();
        assertThat(reorderId).isNotBlank();

        String restockId = "delivery-" + UUID.randomUUID();
        String body = "{\"restockId\": \"" + restockId + "\", \"storeId\": \"" + store + "\", \"sku\": \"sku-rake\", \"quantity\": 20}";
        HttpResponse<String> first = post("/api/restocks", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode applied = JSON.readTree(first.body());
        assertThat(applied.at("/applied").asBoolean()).isTrue();
        assertThat(applied.at("/closedReorderId").asString()).isEqualTo(reorderId);
        assertThat(applied.at("/stock/onHand").asInt()).isEqualTo(23);
        assertThat(applied.at("/stock/openReorder").isNull()).isTrue();

        JsonNode repeated = JSON.readTree(post("/api/restocks", body).body());
        assertThat(repeated.at("/applied").asBoolean()).isFalse();
        assertThat(repeated.at("/stock/onHand").asInt()).isEqualTo(23);
        assertThat(jdbc.sql("SELECT status FROM reorders WHERE reorder_id = ?::uuid").param(reorderId)
                .query(String.class).single()).isEqualTo("FULFILLED");
    }

    @Test
    void badPoliciesAndRestocksAreProblemsNamingTheField() throws Exception {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-hose", 50, 10, 20);
        String policy = "/api/stock/" + store + "/sku-hose/reorder-policy";

        assertProblem(put(policy, "{\"reorderPoint\": -1, \"reorderQuantity\": 20}"), 400, "reorderPoint");
        assertProblem(put(policy, "{\"reorderPoint\": 10, \"reorderQuantity\": 0}"), 400, "reorderQuantity");
        assertProblem(put(policy, "{\"reorderPoint\": 2000000, \"reorderQuantity\": 20}"), 400, "reorderPoint");
        assertProblem(put(policy, "{\"reorderPoint\": 10}"), 400, "reorderQuantity");
        assertProblem(put(policy, "{\"reorderPoint\": \"ten\", \"reorderQuantity\": 20}"), 400, "reorderPoint");
        assertProblem(put(policy, "{\"reorderPoint\": "), 400, "body");
        assertProblem(put("/api/stock/" + store + "/sku-nothing/reorder-policy",
                "{\"reorderPoint\": 10, \"reorderQuantity\": 20}"), 404, "sku-nothing");
        // Nothing of the rejected changes reached the item.
        assertThat(JSON.readTree(get("/api/stock/" + store + "/sku-hose").body()).at("/reorderPoint").asInt()).isEqualTo(10);

        assertProblem(post("/api/restocks", "{\"storeId\": \"" + store + "\", \"sku\": \"sku-hose\", \"quantity\": -5}"),
                400, "quantity");
        assertProblem(post("/api/restocks", "{\"storeId\": \"" + store + "\", \"sku\": \"sku-hose\", \"quantity\": 5,"
                + " \"reorderId\": \"not-a-uuid\"}"), 400, "reorderId");
        assertProblem(post("/api/restocks", "{\"storeId\": \"" + store + "\", \"sku\": \"sku-none\", \"quantity\": 5}"),
                404, "sku-none");
        assertProblem(get("/api/stock/below-reorder-point?limit=0"), 400, "limit");
        // A NUL byte cannot reach PostgreSQL (it would be a 500): malformed ids are client errors.
        assertProblem(get("/api/stock/below-reorder-point?storeId=%00"), 400, "storeId");
        assertProblem(get("/api/nothing-here"), 404, "");
    }

    @Test
    void writesWithoutAValidKeyAre401AndChangeNothing() throws Exception {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-vase", 30, 10, 40);
        String policy = "/api/stock/" + store + "/sku-vase/reorder-policy";
        String restock = "{\"storeId\": \"" + store + "\", \"sku\": \"sku-vase\", \"quantity\": 20}";

        assertUnauthorized(write("PUT", policy, "{\"reorderPoint\": 35, \"reorderQuantity\": 60}"));
        assertUnauthorized(write("PUT", policy, "{\"reorderPoint\": 35, \"reorderQuantity\": 60}",
                "X-API-Key", PlatformProperties.API_KEY + "-not"));
        assertUnauthorized(write("POST", "/api/restocks", restock));
        assertUnauthorized(write("POST", "/api/restocks", restock, "X-API-Key", "zmart-local-demo-key"));

        JsonNode item = JSON.readTree(get("/api/stock/" + store + "/sku-vase").body());
        assertThat(item.at("/reorderPoint").asInt()).isEqualTo(10);
        assertThat(item.at("/onHand").asInt()).isEqualTo(30);
        assertThat(item.at("/openReorder").isNull()).isTrue();
    }

    @Test
    void healthCoversTheDatabaseAndKafkaAndTheApiIsDescribed() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode components = JSON.readTree(health.body()).at("/components");
        assertThat(components.at("/db/status").asString()).isEqualTo("UP");
        assertThat(components.at("/kafka/status").asString()).isEqualTo("UP");
        assertThat(components.at("/kafka/details/listeners/inventory-sales").asBoolean()).isTrue();

        String api = get("/v3/api-docs").body();
        assertThat(api).contains("/api/stock/{storeId}/{sku}", "/api/stock/below-reorder-point",
                "/api/stock/{storeId}/{sku}/reorder-policy", "/api/restocks", "/api/stock/unknown-items");
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/prometheus").body()
                .contains("zmart_inventory_outbox_pending"));
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertProblem(response, 401, "X-API-Key");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey header=\"X-API-Key\"");
    }

    private void assertProblem(HttpResponse<String> response, int status, String mentioned) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(mentioned);
        if (status == 400) {
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo(InvalidRequest.TYPE.toString());
            assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(mentioned);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writes as a client with the key sends them. */
    private HttpResponse<String> put(String path, String json) throws Exception {
        return write("PUT", path, json, "X-API-Key", PlatformProperties.API_KEY);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return write("POST", path, json, "X-API-Key", PlatformProperties.API_KEY);
    }

    /** A write with exactly these extra headers (name, value, ...): none for a caller without a key. */
    private HttpResponse<String> write(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
