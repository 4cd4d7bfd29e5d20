package com.zmart.rewards.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.RewardNotification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's local copy, with Kafka's in-memory consumer as the ledger topic (one partition): what the copy knows
 * comes from its directory and the records after its stored position, so that a restart neither forgets a coupon nor
 * holds the whole ledger in memory.
 */
class SentCouponsTest {

    private static final TopicPartition LEDGER = new TopicPartition(Topics.COUPON_EMAILS.name(), 0);

    @TempDir
    Path directory;

    @Test
    void aRestartKnowsEveryCouponReadBeforeAndReadsOnlyTheRecordsWrittenSince() {
        try (SentCoupons copy = new SentCoupons(ledger(0, List.of("C-1", "C-2")), writer(), directory)) {
            copy.catchUp();
            assertThat(copy.alreadySent("C-1")).isTrue();
            assertThat(copy.alreadySent("C-3")).isFalse();
        }
        // The ledger now starts at offset 2 (as if compacted or trimmed): a copy kept in memory only would have
        // forgotten C-1 and C-2; this one still knows them and reads on from its stored position.
        MockConsumer<String, byte[]> sinceThen = ledger(2, List.of("C-3"));
        try (SentCoupons copy = new SentCoupons(sinceThen, writer(), directory)) {
            copy.catchUp();
            assertThat(sinceThen.position(LEDGER)).isEqualTo(3);
            assertThat(copy.alreadySent("C-1")).isTrue();
            assertThat(copy.alreadySent("C-2")).isTrue();
            assertThat(copy.alreadySent("C-3")).isTrue();
            assertThat(copy.alreadySent("C-4")).isFalse();
        }
    }

    @Test
    void anEmailRecordedHereIsKnownAfterARestartBeforeTheLedgerIsReadAgain() {
        try (SentCoupons copy = new SentCoupons(ledger(0, List.of()), writer(), directory)) {
            copy.catchUp();
            copy.record(List.of(notification("C-9")));
        }
        try (SentCoupons copy = new SentCoupons(ledger(0, List.of()), writer(), directory)) {
            assertThat(copy.alreadySent("C-9")).isTrue();
        }
    }

    @Test
    void aLedgerTopicShorterThanTheStoredPositionIsReadFromItsBeginning() {
        try (SentCoupons copy = new SentCoupons(ledger(0, List.of("C-1", "C-2", "C-3")), writer(), directory)) {
            copy.catchUp();
        }
        MockConsumer<String, byte[]> recreated = ledger(0, List.of("N-1"));
        try (SentCoupons copy = new SentCoupons(recreated, writer(), directory)) {
            copy.catchUp();
            assertThat(recreated.position(LEDGER)).isEqualTo(1);
            assertThat(copy.alreadySent("N-1")).isTrue();
            assertThat(copy.alreadySent("C-1")).isTrue();
        }
    }

    /** A ledger partition holding {@code coupons} from offset {@code first} (what a compacted or trimmed log keeps). */
    private static MockConsumer<String, byte[]> ledger(long first, List<String> coupons) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(LEDGER.topic(), List.of(new PartitionInfo(LEDGER.topic(), 0, Node.noNode(),
                new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(LEDGER, first));
        Map<TopicPartition, Long> end = new HashMap<>(Map.of(LEDGER, first + coupons.size()));
        consumer.updateEndOffsets(end);
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < coupons.size(); i++) {
                long offset = first + i;
                if (offset >= consumer.position(LEDGER)) {
                    consumer.addRecord(new ConsumerRecord<>(LEDGER.topic(), 0, offset, coupons.get(i), new byte[0]));
                }
            }
        });
        return consumer;
    }

    private static MockProducer<String, RewardNotification> writer() {
        return new MockProducer<>(true, null, new StringSerializer(), (topic, notification) -> new byte[0]);
    }

    private static RewardNotification notification(String coupon) {
        return ContractFixtures.notification().setMemberId("m-1").setEmail("m-1@example.com").setTotalPoints(120)
                .setCouponCode(coupon).setIssuedAt(Instant.parse("2026-12-01T10:00:00Z")).build();
    }
}
