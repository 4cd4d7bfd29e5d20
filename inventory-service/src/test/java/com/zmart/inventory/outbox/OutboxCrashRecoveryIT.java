package com.zmart.inventory.outbox;

import static com.zmart.inventory.Fixtures.newStore;
import static com.zmart.inventory.Fixtures.newTransaction;
import static com.zmart.inventory.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.ReorderRequest;
import com.zmart.inventory.Fixtures;
import com.zmart.inventory.PlatformProperties;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.platform.postgres.PostgresServer;
import com.zmart.platform.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service dies after committing a reorder and before publishing it; the instance that starts next over the same
 * database publishes it. Two application contexts share a database of their own, so no other test's service can
 * relay the message in between.
 */
@LocalPlatformTest
class OutboxCrashRecoveryIT {

    @Test
    void aReorderCommittedButNeverSentIsPublishedAfterTheRestart(LocalPlatform platform) throws Exception {
        String database = "inventory_crash_" + UUID.randomUUID().toString().substring(0, 8);
        createDatabase(platform, database);
        String group = "inventory-crash-" + UUID.randomUUID();
        String store = newStore();
        String key = Fixtures.key(store, "sku-drill");

        String reorderId;
        // The first instance commits the sale, the reorder and its outbox row, and dies before its relay sends it
        // (its relay is off: the state a crash between the commit and the send leaves behind).
        try (ConfigurableApplicationContext crashing = start(platform, database, group, false)) {
            JdbcClient jdbc = crashing.getBean(JdbcClient.class);
            Fixtures.stock(jdbc, store, "sku-drill", 6, 5, 30);
            try (TestKafka kafka = new TestKafka(platform)) {
                String receipt = newTransaction();
                kafka.send(Topics.SALES, receipt, sale(receipt, 1, store, "sku-drill", 2));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.onHand(jdbc, store, "sku-drill") == 4);
            reorderId = jdbc.sql("SELECT reorder_id::text FROM reorders WHERE store_id = ? AND status = 'OPEN'")
                    .param(store).query(String.class).single();
            assertThat(unsentFor(jdbc, key)).isEqualTo(1);
        }
        try (TestKafka kafka = new TestKafka(platform); TestKafka.Reader reorders = kafka.reader(Topics.REORDERS)) {
            assertThat(reorders.readToEnd().matching(r -> key.equals(r.key()))).isEmpty();

            // The restarted service (same database, same consumer group) publishes what the crashed one committed.
            try (ConfigurableApplicationContext restarted = start(platform, database, group, true)) {
                ConsumerRecord<String, byte[]> record = reorders.awaitMatching(r -> key.equals(r.key()), 1).get(0);
                ReorderRequest request = reorders.value(record);
                assertThat(request.getReorderId()).isEqualTo(reorderId);
                assertThat(request.getCurrentLevel()).isEqualTo(4);
                assertThat(request.getQuantityToOrder()).isEqualTo(30);

                JdbcClient jdbc = restarted.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> unsentFor(jdbc, key) == 0);
                // The sale itself was not applied a second time by the restarted instance.
                assertThat(Fixtures.onHand(jdbc, store, "sku-drill")).isEqualTo(4);
            }
        }
    }

    private static ConfigurableApplicationContext start(LocalPlatform platform, String database, String group,
                                                        boolean relay) {
        Map<String, Object> properties = PlatformProperties.of(platform, database);
        properties.put("server.port", 0);
        properties.put("spring.kafka.consumer.group-id", group);
        properties.put("spring.kafka.consumer.client-id", group);
        properties.put("spring.kafka.producer.client-id", group);
        properties.put("zmart.inventory.seed.enabled", false);
        properties.put("zmart.inventory.outbox.relay-enabled", relay);
        return PlatformProperties.start(properties);
    }

    private static int unsentFor(JdbcClient jdbc, String key) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ? AND topic = ? AND sent_at IS NULL")
                .params(key, Topics.REORDERS.name()).query(Integer.class).single();
    }

    private static void createDatabase(LocalPlatform platform, String database) throws Exception {
        PostgresServer postgres = platform.postgres().orElseThrow();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }
}
