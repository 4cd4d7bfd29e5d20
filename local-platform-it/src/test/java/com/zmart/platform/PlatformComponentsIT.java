package com.zmart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.events.TopItem;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.platform.process.Ports;
import com.zmart.platform.registry.SchemaProvisioner;
import com.zmart.platform.registry.SchemaProvisioner.SchemaRejectedException;
import com.zmart.platform.smtp.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each component of the platform, exercised for real: the acceptance checks of the foundation. */
@LocalPlatformTest(connect = true)
class PlatformComponentsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void saleRoundTripsInTheConfluentWireFormatWithTheIdTheConfluentApiServes(LocalPlatform platform) throws Exception {
        Sale sale = sale("tx-1001");
        try (var producer = new KafkaProducer<>(producerConfig(platform), new StringSerializer(),
                TopicSerdes.registry(platform.registry().apiV3Url()).valueSerializer(Topics.SALES))) {
            producer.send(new ProducerRecord<>(Topics.SALES.name(), SaleKeys.of(sale), sale)).get();
        }

        ConsumerRecord<String, byte[]> raw = readOne(platform, Topics.SALES.name());
        ByteBuffer frame = ByteBuffer.wrap(raw.value());
        assertThat(frame.get()).as("magic byte").isZero();
        int schemaId = frame.getInt();
        assertThat(raw.headers().toArray()).as("no id headers").isEmpty();

        JsonNode latest = getJson(platform.registry().confluentCompatibleUrl() + "/subjects/zmart.sales-value/versions/latest");
        assertThat(latest.get("id").asInt()).isEqualTo(schemaId);
        assertThat(new Schema.Parser().parse(latest.get("schema").asText())).isEqualTo(Sale.getClassSchema());
        assertThat(platform.schemaIds()).containsEntry("zmart.sales-value", schemaId);

        try (var deserializer = TopicSerdes.registry(platform.registry().apiV3Url())
                .valueDeserializer(Topics.SALES)) {
            Sale read = deserializer.deserialize(Topics.SALES.name(), raw.value());
            assertThat(read).isInstanceOf(Sale.class).isEqualTo(sale);
            assertThat(read.getTransactionId()).isInstanceOf(String.class);
        }
    }

    @Test
    void contractsWithNestedNamedTypesSerializeAgainstTheirRegisteredSchema(LocalPlatform platform) {
        // Enums and nested records are where a serializer's idea of "the same schema" can drift from the registry's.
        ClickEvent click = ClickEvent.newBuilder().setEventId("e-1").setCampaignId("spring-sale").setCustomerId("cust-1")
                .setSessionId("s-1").setAction(ClickAction.PRINTED_COUPON).setUrl("https://zmart.example/c")
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
        SalesTrend trend = SalesTrend.newBuilder().setStoreId("store-1").setStoreZipCode("30301").setDepartment("toys")
                .setWindowKind("tumbling-1m").setWindowStart(Instant.EPOCH).setWindowEnd(Instant.EPOCH.plusSeconds(60))
                .setUnits(3).setRevenue(new BigDecimal("59.97"))
                .setTopItems(List.of(TopItem.newBuilder().setSku("sku-1").setProductName("Kite").setUnits(3)
                        .setRevenue(new BigDecimal("59.97")).build())).build();

        assertThat(roundTrip(platform, Topics.CLICKS, click)).isEqualTo(click);
        assertThat(roundTrip(platform, Topics.SALES_TRENDS, trend)).isEqualTo(trend);
    }

    private static <T> Object roundTrip(LocalPlatform platform, TopicSpec<String, T> topic, T value) {
        TopicSerdes serdes = TopicSerdes.registry(platform.registry().apiV3Url());
        try (var serializer = serdes.valueSerializer(topic); var deserializer = serdes.valueDeserializer(topic)) {
            return deserializer.deserialize(topic.name(), serializer.serialize(topic.name(), value));
        }
    }

    @Test
    void everySubjectIsUnderTheBackwardRuleAndAnIncompatibleVersionIsRefused(LocalPlatform platform) throws Exception {
        for (var topic : Topics.avroTopics()) {
            JsonNode config = getJson(platform.registry().confluentCompatibleUrl() + "/config/" + topic.valueSubject());
            assertThat(config.get("compatibilityLevel").asText()).as(topic.valueSubject()).isEqualTo("BACKWARD");
        }
        String withRequiredField = Sale.getClassSchema().toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"registerId\",\"type\":\"string\"},");

        assertThatThrownBy(() -> new SchemaProvisioner(platform.registry().confluentCompatibleUrl())
                .register("zmart.sales-value", withRequiredField))
                .isInstanceOf(SchemaRejectedException.class);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                        platform.registry().confluentCompatibleUrl() + "/subjects/zmart.sales-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("schema", withRequiredField).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void connectWorkerRunsAConnectorWhoseOutputIsConfluentFramedAvro(LocalPlatform platform, @TempDir Path dir)
            throws Exception {
        String topic = "platform-test.lines";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Schema lineSchema = new Schema.Parser().parse("""
                {"type":"record","name":"Line","namespace":"test","fields":[{"name":"line","type":"string"}]}""");
        int id = new SchemaProvisioner(platform.registry().confluentCompatibleUrl()).register(topic + "-value", lineSchema.toString());
        Path input = Files.writeString(dir.resolve("register.log"), "first sale\nsecond sale\n");

        String config = JSON.writeValueAsString(Map.of(
                "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                "tasks.max", "1",
                "file", input.toString(),
                "topic", topic,
                "transforms", "hoist",
                "transforms.hoist.type", "org.apache.kafka.connect.transforms.HoistField$Value",
                "transforms.hoist.field", "line"));
        String connectUrl = platform.connect().orElseThrow().url();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(connectUrl + "/connectors/lines/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(config)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);

        List<ConsumerRecord<String, byte[]>> records = readAtLeast(platform, topic, 2);
        var reader = new GenericDatumReader<GenericRecord>(lineSchema);
        List<String> lines = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ByteBuffer frame = ByteBuffer.wrap(record.value());
            assertThat(frame.get()).isZero();
            assertThat(frame.getInt()).isEqualTo(id);
            assertThat(record.headers().toArray()).isEmpty();
            GenericRecord value = reader.read(null, DecoderFactory.get().binaryDecoder(
                    record.value(), 5, record.value().length - 5, null));
            lines.add(value.get("line").toString());
        }
        assertThat(lines).containsExactly("first sale", "second sale");
    }

    @Test
    void postgresRunsWithLogicalDecodingAndTheSuitesDatabases(LocalPlatform platform) throws SQLException {
        var postgres = platform.postgres().orElseThrow();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("pos"), "postgres", "");
             ResultSet rs = connection.createStatement().executeQuery("SHOW wal_level")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
        for (String database : List.of("inventory", "dashboard")) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "")) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void smtpServerKeepsMessagesInArrivalOrderWithTheirRecipients(LocalPlatform platform) throws Exception {
        var smtp = platform.smtp().orElseThrow();
        Properties props = new Properties();
        props.put("mail.smtp.host", Ports.LOOPBACK);
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        // a, b, a again: a server that listed messages by recipient mailbox would give a, a, b.
        List<String> recipients = List.of("member-a@zmart.example", "member-b@zmart.example", "member-a@zmart.example");
        for (int i = 0; i < recipients.size(); i++) {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("rewards@zmart.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipients.get(i)));
            message.setSubject("Your ZMart coupon " + i);
            message.setText("15% off");
            Transport.send(message);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(smtp.receivedMessages().stream()
                .filter(m -> subject(m).startsWith("Your ZMart coupon ")))
                .extracting(m -> subject(m) + " to " + SmtpServer.recipientOf(m))
                .containsExactly("Your ZMart coupon 0 to member-a@zmart.example",
                        "Your ZMart coupon 1 to member-b@zmart.example",
                        "Your ZMart coupon 2 to member-a@zmart.example"));
    }

    static Sale sale(String transactionId) {
        return ContractFixtures.sale()
                .setTransactionId(transactionId)
                .setStoreId("store-7").setStoreZipCode("30301").setStoreRegion("south-east")
                .setCustomerId("cust-42").setLoyaltyMemberId("member-42")
                .setSku("sku-flux-capacitor").setProductName("Flux capacitor").setDepartment("electronics")
                .setQuantity(2).setUnitPrice(new BigDecimal("199.99")).setCouponCode("ZMART15")
                .setDiscount(new BigDecimal("60.00")).setMaskedCardNumber("xxxxxxxxxxxx1111")
                .setPurchasedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static Map<String, Object> producerConfig(LocalPlatform platform) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private static ConsumerRecord<String, byte[]> readOne(LocalPlatform platform, String topic) {
        return readAtLeast(platform, topic, 1).get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> readAtLeast(LocalPlatform platform, String topic, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "platform-test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }

    private JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
