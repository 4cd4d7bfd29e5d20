package com.zmart.sales.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.sale.SaleLineId;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.Sale;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.connect.ConnectorDeployer;
import com.zmart.platform.junit.LocalPlatformExtension;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.platform.postgres.PostgresServer;
import com.zmart.contracts.carddata.CardDataScan;
import com.zmart.sales.simulator.PosDatabase;
import com.zmart.sales.simulator.RegisterSimulator;
import com.zmart.sales.simulator.SimulatorOptions;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole path on real servers: register simulator → PostgreSQL → Debezium in a Kafka Connect worker →
 * card-masking transform → Apicurio Avro converter → {@code zmart.sales}.
 */
@LocalPlatformTest(connect = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesConnectorIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);

    private static DataSource pos;
    private static ConnectorDeployer deployer;
    private static Map<String, String> variables;

    @BeforeAll
    static void deployConnectors() throws SQLException {
        LocalPlatform platform = LocalPlatformExtension.running();
        PostgresServer postgres = platform.postgres().orElseThrow();
        pos = PosDatabase.dataSource(postgres.jdbcUrl("pos"), PostgresServer.USER, "");
        PosDatabase.migrate(pos);
        new RegisterSimulator(pos, options(), Clock.systemUTC()).loadReferenceData();
        deployer = new ConnectorDeployer(platform.connect().orElseThrow().url());
        variables = PosConnectors.variables("127.0.0.1", postgres.port(), "pos", PostgresServer.USER, "");
        PosConnectors.ALL.forEach(name -> deployer.deploy(name, variables, Duration.ofSeconds(60)));
    }

    @Test
    @Order(1)
    void everySaleWrittenByTheRegistersArrivesOnceMaskedAsTheSaleContract(LocalPlatform platform) throws Exception {
        new RegisterSimulator(pos, options().withLimit(Duration.ZERO, 150), Clock.systemUTC()).run(p -> { });
        Map<String, SaleLineRow> rows = saleLinesInDatabase();

        List<Sale> sales = readSales(platform, rows.size());

        assertThat(sales).hasSize(rows.size());
        assertThat(sales).extracting(s -> s.getTransactionId() + "#" + s.getLineNumber())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(rows.keySet());
        for (Sale sale : sales) {
            SaleLineRow row = rows.get(sale.getTransactionId() + "#" + sale.getLineNumber());
            assertThat(sale.getMaskedCardNumber()).matches("x{12}\\d{4}").endsWith(row.cardNumber().substring(12));
            assertThat(sale.getSku()).isEqualTo(row.sku());
            assertThat(sale.getQuantity()).isEqualTo(row.quantity());
            assertThat(sale.getUnitPrice()).isEqualByComparingTo(row.unitPrice());
            assertThat(sale.getDiscount()).isEqualByComparingTo(row.discount());
            assertThat(sale.getLoyaltyMemberId()).isEqualTo(row.memberId());
        }
    }

    @Test
    @Order(2)
    void loyaltyMembersArriveAsTheLoyaltyMemberContract(LocalPlatform platform) throws Exception {
        int members = count("SELECT count(*) FROM loyalty_members");
        List<ConsumerRecord<String, byte[]>> records = readAtLeast(platform, Topics.LOYALTY_MEMBERS.name(), members);
        try (var deserializer = TopicSerdes.registry(platform.registry().apiV3Url())
                .valueDeserializer(Topics.LOYALTY_MEMBERS)) {
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                LoyaltyMember member = deserializer.deserialize(record.topic(), record.value());
                assertThat(record.key()).isEqualTo(member.getMemberId());
                assertThat(member.getEmail()).endsWith("@zmart.example");
                ids.add(member.getMemberId());
            }
            assertThat(ids).hasSize(members);
        }
    }

    @Test
    @Order(3)
    void theConnectorUsesTheRegisteredContractAndRegistersNothingOfItsOwn(LocalPlatform platform) throws Exception {
        String registry = platform.registry().confluentCompatibleUrl();
        String subject = registry + "/subjects/" + Topics.SALES.valueSubject();
        assertThat(getJson(subject + "/versions")).as("versions of %s", Topics.SALES.valueSubject()).hasSize(1);
        JsonNode latest = getJson(subject + "/versions/latest");
        assertThat(new Schema.Parser().parse(latest.get("schema").asText())).isEqualTo(Sale.getClassSchema());
        // The contract stays under the BACKWARD rule (ADR 0004), as PlatformComponentsIT (local-platform-it) checks it.
        JsonNode config = getJson(registry + "/config/" + Topics.SALES.valueSubject());
        assertThat(config.get("compatibilityLevel").asText()).as("compatibility of %s", Topics.SALES.valueSubject())
                .isEqualTo("BACKWARD");
    }

    private static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @Order(4)
    void restartingTheConnectorAndTheWorkerMidStreamLosesNoSale(LocalPlatform platform) throws Exception {
        RegisterSimulator registers = new RegisterSimulator(pos, options().withRate(40).withLimit(Duration.ofSeconds(12), 0),
                Clock.systemUTC());
        CompletableFuture<RegisterSimulator.Progress> writing = CompletableFuture.supplyAsync(() -> {
            try {
                return registers.run(p -> { });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(3_000);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.connect().orElseThrow().url()
                        + "/connectors/" + PosConnectors.SALES + "/restart?includeTasks=true")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        Thread.sleep(3_000);
        platform.restartConnect();
        assertThat(writing.get().transactions()).isGreaterThan(100);

        Set<String> written = saleLinesInDatabase().keySet();
        Set<String> seen = new HashSet<>();
        try (var deserializer = TopicSerdes.registry(platform.registry().apiV3Url()).valueDeserializer(Topics.SALES)) {
            consume(platform, Topics.SALES.name(), record -> {
                Sale sale = deserializer.deserialize(record.topic(), record.value());
                seen.add(sale.getTransactionId() + "#" + sale.getLineNumber());
                return seen.containsAll(written);
            });
        }
        // At-least-once: a restart may repeat a few lines (consumers deduplicate on transactionId + lineNumber),
        // but none is missing.
        assertThat(seen).containsAll(written);
    }

    @Test
    @Order(5)
    void noTopicHoldsAnUnmaskedCardNumber(LocalPlatform platform) throws Exception {
        Set<String> cards = new HashSet<>();
        try (Connection connection = pos.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT DISTINCT card_number FROM sale_lines")) {
            while (rs.next()) {
                cards.add(rs.getString(1));
            }
        }
        assertThat(cards).isNotEmpty();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names().get();
        }
        List<String> leaks = new ArrayList<>();
        long[] scanned = {0};
        Set<String> suiteTopics = new HashSet<>();
        Topics.ALL.forEach(t -> suiteTopics.add(t.name()));
        for (String topic : topics) {
            // Every topic is searched for the registers' card numbers. The suite's topics are also searched for any
            // Luhn-valid 13-19 digit run; internal topics are not, since their numbers (WAL positions in Connect's
            // offsets, timestamps in group ids) pass the Luhn check one time in ten.
            boolean anyCardLike = suiteTopics.contains(topic);
            scanToEnd(platform, topic, record -> {
                scanned[0]++;
                scan(topic, record.key(), cards, anyCardLike, leaks);
                scan(topic, record.value(), cards, anyCardLike, leaks);
                for (Header header : record.headers()) {
                    scan(topic, header.value(), cards, anyCardLike, leaks);
                }
            });
        }
        assertThat(scanned[0]).isGreaterThan(500);
        assertThat(leaks).isEmpty();
    }

    private static void scan(String topic, byte[] bytes, Set<String> cards, boolean anyCardLike, List<String> leaks) {
        if (bytes == null) {
            return;
        }
        if (anyCardLike && !CardDataScan.luhnValidRuns(bytes).isEmpty()) {
            leaks.add(topic + ": Luhn-valid digit run");
        }
        if (!CardDataScan.knownNumbers(new String(bytes, StandardCharsets.ISO_8859_1), cards).isEmpty()) {
            leaks.add(topic + ": a card number of the registers");
        }
    }

    private static SimulatorOptions options() {
        return SimulatorOptions.defaults().withRate(200).withSeed(7);
    }

    record SaleLineRow(String sku, int quantity, java.math.BigDecimal unitPrice, java.math.BigDecimal discount,
                       String memberId, String cardNumber) {
    }

    private static Map<String, SaleLineRow> saleLinesInDatabase() throws SQLException {
        Map<String, SaleLineRow> rows = new HashMap<>();
        try (Connection connection = pos.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT transaction_id, line_number, sku, quantity, unit_price, discount, loyalty_member_id, card_number FROM sale_lines")) {
            while (rs.next()) {
                rows.put(rs.getString(1) + "#" + rs.getInt(2), new SaleLineRow(rs.getString(3), rs.getInt(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)));
            }
        }
        return rows;
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = pos.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The sales on the topic, each checked to be keyed by its member, or by its transaction when it has none (the
     * rule of {@link SaleKeys}), with every line of a transaction on one partition.
     */
    private static List<Sale> readSales(LocalPlatform platform, int expected) {
        List<Sale> sales = new ArrayList<>();
        Map<String, Set<Integer>> partitionsOfTransaction = new HashMap<>();
        int withMember = 0;
        int withoutMember = 0;
        try (var deserializer = TopicSerdes.registry(platform.registry().apiV3Url()).valueDeserializer(Topics.SALES)) {
            for (ConsumerRecord<String, byte[]> record : readAtLeast(platform, Topics.SALES.name(), expected)) {
                Sale sale = deserializer.deserialize(record.topic(), record.value());
                assertThat(record.key()).as("key of %s", SaleLineId.of(sale)).isEqualTo(SaleKeys.of(sale));
                if (sale.getLoyaltyMemberId() != null) {
                    withMember++;
                } else {
                    withoutMember++;
                }
                partitionsOfTransaction.computeIfAbsent(sale.getTransactionId(), t -> new HashSet<>())
                        .add(record.partition());
                sales.add(sale);
            }
        }
        // Both branches of the rule are exercised, or the key check above proves nothing about one of them.
        assertThat(withMember).as("lines with a loyalty member").isPositive();
        assertThat(withoutMember).as("lines without a loyalty member").isPositive();
        assertThat(partitionsOfTransaction).as("partitions of each transaction's lines")
                .allSatisfy((transaction, partitions) -> assertThat(partitions).as(transaction).hasSize(1));
        return sales;
    }

    /** Everything on the topic, once it holds at least {@code count} records (so duplicates would show too). */
    private static List<ConsumerRecord<String, byte[]>> readAtLeast(LocalPlatform platform, String topic, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            records.clear();
            consumeAll(platform, topic, records::add);
            return records.size() >= count;
        });
        return records;
    }

    private interface RecordCondition {
        boolean done(ConsumerRecord<String, byte[]> record);
    }

    private static void consume(LocalPlatform platform, String topic, RecordCondition condition) {
        try (var consumer = consumer(platform)) {
            consumer.subscribe(List.of(topic));
            boolean[] done = {false};
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    done[0] |= condition.done(record);
                }
                return done[0];
            });
        }
    }

    private static void consumeAll(LocalPlatform platform, String topic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> action) {
        try (var consumer = consumer(platform)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(action);
            }
        }
    }

    /**
     * Every record of every partition of the topic, up to the end offsets it had when the scan began: raw bytes,
     * keys included, and with {@code read_uncommitted}, so the records of aborted transactions (a restarted
     * exactly-once connector leaves some) are searched too. A scan that does not reach the end of every partition
     * fails, naming the partitions it did not reach.
     */
    private static void scanToEnd(LocalPlatform platform, String topic,
                                  java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> action) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            assertThat(partitions).as("partitions of %s", topic).isNotEmpty();
            consumer.assign(partitions);
            // Under read_uncommitted the end offset is the high watermark, past open and aborted transactions.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + SCAN_TIMEOUT.toNanos();
            List<TopicPartition> behind = behind(consumer, partitions, end);
            while (!behind.isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("The scan of " + topic + " did not reach the end of every partition in "
                            + SCAN_TIMEOUT.toSeconds() + " s; not reached: " + behind.stream()
                            .map(p -> p + " (at " + consumer.position(p) + " of " + end.get(p) + ")").toList());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(action);
                behind = behind(consumer, partitions, end);
            }
        }
    }

    private static List<TopicPartition> behind(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                               Map<TopicPartition, Long> end) {
        return partitions.stream().filter(p -> consumer.position(p) < end.get(p)).toList();
    }

    private static KafkaConsumer<String, byte[]> consumer(LocalPlatform platform) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "sales-connector-it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
