package com.zmart.inventory.error;

import static com.zmart.contracts.testing.DeadLetterRecords.header;
import static com.zmart.inventory.Fixtures.newStore;
import static com.zmart.inventory.Fixtures.newTransaction;
import static com.zmart.inventory.Fixtures.onHand;
import static com.zmart.inventory.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.Restock;
import com.zmart.inventory.Fixtures;
import com.zmart.inventory.ServiceOnPlatform;
import com.zmart.platform.junit.LocalPlatformExtension;
import com.zmart.platform.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records that cannot be applied reach the dead-letter topic with their reason, and the listeners go on. */
class DeadLetterIT extends ServiceOnPlatform {

    @Test
    void badRecordsAreDeadLetteredWithTheirOriginalBytesAndTheListenersKeepGoing() {
        String store = newStore();
        Fixtures.stock(jdbc, store, "sku-tent", 40, 5, 10);
        try (TestKafka kafka = new TestKafka(LocalPlatformExtension.running());
             TestKafka.Reader deadLetters = kafka.reader(Topics.INVENTORY_DLT)) {
            String garbageKey = newTransaction();
            byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
            kafka.sendBytes(Topics.SALES.name(), garbageKey, garbage);

            String invalidKey = newTransaction();
            byte[] zeroQuantity = kafka.serialize(Topics.SALES, sale(invalidKey, 1, store, "sku-tent", 0));
            kafka.sendBytes(Topics.SALES.name(), invalidKey, zeroQuantity);

            String unknownKey = Fixtures.key(store, "sku-unknown");
            Restock unknownItem = Fixtures.restock(store, "sku-unknown", 5, null);
            kafka.send(Topics.RESTOCKS, unknownKey, unknownItem);

            // Valid records after the bad ones, on the same partitions, are applied.
            kafka.send(Topics.SALES, garbageKey, sale(garbageKey, 1, store, "sku-tent", 2));
            kafka.send(Topics.SALES, invalidKey, sale(invalidKey, 2, store, "sku-tent", 3));
            kafka.send(Topics.RESTOCKS, unknownKey, Fixtures.restock(store, "sku-tent", 10, null));
            await().atMost(Duration.ofSeconds(60)).until(() -> onHand(jdbc, store, "sku-tent") == 45);

            ConsumerRecord<String, byte[]> undeserializable = deadLetterOf(deadLetters, garbageKey);
            assertThat(undeserializable.value()).isEqualTo(garbage);
            assertThat(header(undeserializable, DeadLetterHeaders.REASON)).isEqualTo("deserialization");
            assertThat(header(undeserializable, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.SALES.name());
            assertThat(header(undeserializable, "kafka_dlt-original-topic")).isEqualTo(Topics.SALES.name());

            ConsumerRecord<String, byte[]> invalid = deadLetterOf(deadLetters, invalidKey);
            assertThat(invalid.value()).isEqualTo(zeroQuantity);
            assertThat(header(invalid, DeadLetterHeaders.REASON)).isEqualTo("invalid");
            assertThat(header(invalid, DeadLetterHeaders.MESSAGE)).contains("quantity must be between 1 and");

            ConsumerRecord<String, byte[]> unknown = deadLetterOf(deadLetters, unknownKey);
            assertThat(header(unknown, DeadLetterHeaders.REASON)).isEqualTo("unknown-item");
            assertThat(header(unknown, "kafka_dlt-original-topic")).isEqualTo(Topics.RESTOCKS.name());
            assertThat(deadLetters.value(unknown, Topics.RESTOCKS)).isEqualTo(unknownItem);
        }
    }

    private static ConsumerRecord<String, byte[]> deadLetterOf(TestKafka.Reader deadLetters, String key) {
        return deadLetters.awaitMatching(r -> key.equals(r.key()), 1).get(0);
    }
}
