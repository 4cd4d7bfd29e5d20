package com.zmart.inventory.sale;

import static com.zmart.inventory.Fixtures.key;
import static com.zmart.inventory.Fixtures.newStore;
import static com.zmart.inventory.Fixtures.newTransaction;
import static com.zmart.inventory.Fixtures.onHand;
import static com.zmart.inventory.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.InventoryLevel;
import com.zmart.events.ReorderRequest;
import com.zmart.events.Sale;
import com.zmart.inventory.Fixtures;
import com.zmart.inventory.ServiceOnPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import com.zmart.platform.testing.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sales from the real broker against real PostgreSQL: stock, reorders, redeliveries, concurrency, unknown items. */
class SaleStockIT extends ServiceOnPlatform {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestKafka kafka;
    private static TestKafka.Reader reorders;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void clients() {
        kafka = new TestKafka(LocalPlatformExtension.running());
        reorders = kafka.reader(Topics.REORDERS);
    }

    @AfterAll
    static void close() {
        reorders.close();
        kafka.close();
    }

    @Test
    void saleLinesDecrementStockAndEachCrossingRequestsOneReorder() {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-lamp", 10, 5, 50);

        String receipt = newTransaction();
        kafka.send(Topics.SALES, receipt, sale(receipt, 1, store, "sku-lamp", 3)); // 7: above the point
        kafka.send(Topics.SALES, receipt, sale(receipt, 2, store, "sku-lamp", 3)); // 4: crosses below 5
        awaitOnHand(store, "sku-lamp", 4); // another receipt may land on another partition: keep the order known
        String later = newTransaction();
        kafka.send(Topics.SALES, later, sale(later, 1, store, "sku-lamp", 2));     // 2: still below, reorder open
        awaitOnHand(store, "sku-lamp", 2);

        ReorderRequest first = onlyReorder(store, "sku-lamp", 1);
        assertThat(first.getCurrentLevel()).isEqualTo(4);
        assertThat(first.getQuantityToOrder()).isEqualTo(50);
        assertThat(first.getStoreId()).isEqualTo(store);

        // The supplier delivers (through the topic): stock rises above the point, the reorder closes.
        kafka.send(Topics.RESTOCKS, key(store, "sku-lamp"), Fixtures.restock(store, "sku-lamp", 50, first.getReorderId()));
        awaitOnHand(store, "sku-lamp", 52);
        assertThat(jdbc.sql("SELECT status FROM reorders WHERE reorder_id = ?::uuid").param(first.getReorderId())
                .query(String.class).single()).isEqualTo("FULFILLED");

        // The next crossing requests the next reorder.
        String again = newTransaction();
        kafka.send(Topics.SALES, again, sale(again, 1, store, "sku-lamp", 49));
        awaitOnHand(store, "sku-lamp", 3);
        ReorderRequest second = onlyReorder(store, "sku-lamp", 2);
        assertThat(second.getReorderId()).isNotEqualTo(first.getReorderId());
        assertThat(second.getCurrentLevel()).isEqualTo(3);

        // The level after every applied poll was published to the compacted levels topic, the latest last. The
        // first receipt's two lines may have been applied in one poll, with one event for both.
        try (TestKafka.Reader levels = kafka.reader(Topics.INVENTORY_LEVELS)) {
            List<ConsumerRecord<String, byte[]>> changes = levels.readToEnd().matching(r -> key(store, "sku-lamp").equals(r.key()));
            assertThat(changes.stream().map(r -> levels.<InventoryLevel>value(r).getOnHand()).toList())
                    .isIn(List.of(7, 4, 2, 52, 3), List.of(4, 2, 52, 3));
        }
    }

    @Test
    void theReorderOfLinesAppliedTogetherIsTheOneOfTheLineThatCrossedThePoint() {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-kettle", 20, 10, 40);
        String receipt = newTransaction();
        Instant rungUp = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        // Same key, back to back: usually one poll. Levels 17, 14, 11, 8 (line 4 crosses below 10), 5, 2.
        for (int line = 1; line <= 6; line++) {
            Sale sale = sale(receipt, line, store, "sku-kettle", 3);
            sale.setPurchasedAt(rungUp.plusSeconds(line));
            kafka.send(Topics.SALES, receipt, sale);
        }
        awaitOnHand(store, "sku-kettle", 2);

        ReorderRequest reorder = onlyReorder(store, "sku-kettle", 1);
        assertThat(reorder.getCurrentLevel()).isEqualTo(8);
        assertThat(reorder.getRequestedAt()).isEqualTo(rungUp.plusSeconds(4));
    }

    @Test
    void aRedeliveredSaleLineCountsOnce() {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-mug", 100, 0, 10);
        double duplicatesBefore = meters.counter("zmart.inventory.sale-lines", "outcome", "duplicate").count();

        String receipt = newTransaction();
        var line = sale(receipt, 1, store, "sku-mug", 4);
        kafka.send(Topics.SALES, receipt, line);
        kafka.send(Topics.SALES, receipt, line); // as Debezium may after a restart: same transaction id and line
        // Same key, same partition, after the duplicate: once it is applied, the duplicate has been consumed.
        kafka.send(Topics.SALES, receipt, sale(receipt, 2, store, "sku-mug", 1));
        awaitProcessed(List.of(receipt), 2);

        assertThat(onHand(jdbc, store, "sku-mug")).isEqualTo(95);
        assertThat(meters.counter("zmart.inventory.sale-lines", "outcome", "duplicate").count())
                .isGreaterThan(duplicatesBefore);
    }

    @Test
    void concurrentPartitionsOfOneStoreLoseNoUpdate() {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-a", 5_000, 10, 100);
        Fixtures.stock(jdbc, store, "sku-b", 5_000, 10, 100);
        SplittableRandom random = new SplittableRandom(7);
        List<String> receipts = new ArrayList<>();
        Set<Integer> partitions = new HashSet<>();
        int soldA = 0;
        int soldB = 0;
        for (int i = 0; i < 400; i++) {
            String receipt = newTransaction();
            receipts.add(receipt);
            int a = 1 + random.nextInt(5);
            int b = 1 + random.nextInt(5);
            partitions.add(kafka.send(Topics.SALES, receipt, sale(receipt, 1, store, "sku-a", a)).partition());
            kafka.send(Topics.SALES, receipt, sale(receipt, 2, store, "sku-b", b));
            soldA += a;
            soldB += b;
        }
        // Keyed by transaction: the store's lines are spread over the partitions, consumed by several threads.
        assertThat(partitions).hasSizeGreaterThan(3);
        awaitProcessed(receipts, 800);

        assertThat(onHand(jdbc, store, "sku-a")).isEqualTo(5_000 - soldA);
        assertThat(onHand(jdbc, store, "sku-b")).isEqualTo(5_000 - soldB);
    }

    @Test
    void aSaleOfAnUnknownItemIsRecordedCountedAndReported() throws Exception {
        String store = newStore();
        double before = meters.counter("zmart.inventory.sale-lines", "outcome", "unknown-item").count();
        String receipt = newTransaction();
        kafka.send(Topics.SALES, receipt, sale(receipt, 1, store, "sku-nobody-stocks", 2));

        awaitProcessed(List.of(receipt), 1);
        JsonNode reported = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/stock/unknown-items")).build(), BodyHandlers.ofString()).body());
        assertThat(reported.valueStream().filter(item -> item.at("/storeId").asString().equals(store)).toList())
                .singleElement().satisfies(item -> {
                    assertThat(item.at("/sku").asString()).isEqualTo("sku-nobody-stocks");
                    assertThat(item.at("/units").asInt()).isEqualTo(2);
                });
        assertThat(jdbc.sql("SELECT quantity FROM unknown_sale_lines WHERE transaction_id = ? AND store_id = ?"
                + " AND sku = 'sku-nobody-stocks'").params(receipt, store).query(Integer.class).list()).containsExactly(2);
        assertThat(meters.counter("zmart.inventory.sale-lines", "outcome", "unknown-item").count()).isEqualTo(before + 1);
    }

    private void awaitOnHand(String store, String sku, int expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> onHand(jdbc, store, sku) == expected);
    }

    private void awaitProcessed(List<String> receipts, int lines) {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM processed_sale_lines WHERE transaction_id = ANY(?)")
                .param(receipts.toArray(String[]::new)).query(Integer.class).single() == lines);
    }

    /**
     * Waits for the outbox to have sent everything of the item, then reads the whole topic: the item has exactly
     * {@code total} reorders on it; returns the latest.
     */
    private ReorderRequest onlyReorder(String store, String sku, int total) {
        String key = key(store, sku);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM outbox WHERE message_key = ? AND sent_at IS NULL").param(key)
                .query(Integer.class).single() == 0);
        List<ConsumerRecord<String, byte[]>> records = reorders.readToEnd().matching(r -> key.equals(r.key()));
        assertThat(records).hasSize(total);
        assertThat(jdbc.sql("SELECT count(*) FROM reorders WHERE store_id = ? AND sku = ?").params(store, sku)
                .query(Integer.class).single()).isEqualTo(total);
        return reorders.value(records.get(records.size() - 1));
    }
}
