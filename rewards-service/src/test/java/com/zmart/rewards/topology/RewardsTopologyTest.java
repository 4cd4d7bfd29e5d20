package com.zmart.rewards.topology;

import static com.zmart.contracts.testing.DeadLetterRecords.header;
import static com.zmart.rewards.RewardsFixtures.T0;
import static com.zmart.rewards.RewardsFixtures.member;
import static com.zmart.rewards.RewardsFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.RewardNotification;
import com.zmart.events.RewardTier;
import com.zmart.events.RewardUpdate;
import com.zmart.events.Sale;
import com.zmart.rewards.RewardsFixtures;
import com.zmart.rewards.coupons.CouponCodes;
import com.zmart.rewards.state.MemberRewards;
import com.zmart.streams.error.DeadLetterPublisher;
import com.zmart.streams.runtime.StreamsRuntimeSettings;
import com.zmart.streams.testing.DriverTopics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardsTopologyTest {

    private static final String ADA = "member-ada";
    private static final String BOB = "member-bob";

    @TempDir
    Path stateDir;

    private final DriverTopics topics = new DriverTopics();
    private final MockProducer<byte[], byte[]> deadLetterProducer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private TopologyTestDriver driver;
    private TestInputTopic<String, Sale> sales;
    private TestInputTopic<String, LoyaltyMember> members;
    private TestOutputTopic<String, RewardUpdate> updates;
    private TestOutputTopic<String, RewardNotification> notifications;

    @BeforeEach
    void startDriver() {
        // The settings the service runs with, dead-letter handlers included.
        Properties config = new StreamsRuntimeSettings("zmart-rewards-test", "localhost:9092", stateDir.toString(), 1,
                Topics.REWARDS_DLT.name(), null, Map.of()).streamsProperties(new HostInfo("localhost", 8091),
                new DeadLetterPublisher(() -> deadLetterProducer, Duration.ofSeconds(1)));
        driver = new TopologyTestDriver(RewardsTopology.buildTopology(RewardsFixtures.properties(), topics.streamsTopics()), config);
        sales = topics.input(driver, Topics.SALES);
        members = topics.input(driver, Topics.LOYALTY_MEMBERS);
        updates = topics.output(driver, Topics.REWARD_UPDATES);
        notifications = topics.output(driver, Topics.REWARD_NOTIFICATIONS);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** A line as the sales connector writes it: keyed by its member, or by its transaction when it has none. */
    private void buy(Sale sale) {
        sales.pipeInput(SaleKeys.of(sale), sale);
    }

    /** A line keyed by its transaction, as sales were before they were keyed by member. */
    private void buyKeyedByTransaction(Sale sale) {
        sales.pipeInput(sale.getTransactionId(), sale);
    }

    private boolean repartitioned() {
        return driver.producedTopicNames().stream().anyMatch(topic -> topic.endsWith(RewardsTopology.SALES_BY_MEMBER
                + "-repartition"));
    }

    @Test
    void salesWithoutALoyaltyMemberEarnNothing() {
        buy(sale("t-1", 1, null, "500.00", 1).build());

        assertThat(updates.isEmpty()).isTrue();
        assertThat(notifications.isEmpty()).isTrue();
    }

    @Test
    void eachSaleLineEarnsItsPointsKeyedByMemberWithARunningTotal() {
        buy(sale("t-1", 1, ADA, "12.50", 2).build());
        buy(sale("t-1", 2, ADA, "10.00", 1).setDepartment("electronics").build());
        buy(sale("t-2", 1, BOB, "7.00", 1).build());
        buy(sale("t-3", 1, ADA, "30.00", 1).setDiscount(new java.math.BigDecimal("4.50")).build());

        List<org.apache.kafka.streams.KeyValue<String, RewardUpdate>> out = updates.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly(ADA, ADA, BOB, ADA);
        assertThat(out).extracting(kv -> kv.value.getTransactionId() + "#" + kv.value.getLineNumber())
                .containsExactly("t-1#1", "t-1#2", "t-2#1", "t-3#1");
        assertThat(out).extracting(kv -> kv.value.getPointsEarned()).containsExactly(25, 20, 7, 25);
        assertThat(out).extracting(kv -> kv.value.getTotalPoints()).containsExactly(25L, 45L, 7L, 70L);
        assertThat(out.get(0).value.getStoreId()).isEqualTo("store-001");
        assertThat(out.get(0).value.getPurchasedAt()).isEqualTo(T0);
    }

    @Test
    void theTierRisesWithThePointTotal() {
        buy(sale("t-1", 1, ADA, "249.00", 1).build());
        buy(sale("t-2", 1, ADA, "1.00", 1).build());
        buy(sale("t-3", 1, ADA, "300.00", 1).build());
        buy(sale("t-4", 1, ADA, "450.00", 1).build());

        assertThat(updates.readValuesToList()).extracting(RewardUpdate::getTier)
                .containsExactly(RewardTier.BRONZE, RewardTier.SILVER, RewardTier.GOLD, RewardTier.PLATINUM);
    }

    @Test
    void eachThresholdIsNotifiedExactlyOnceWithItsCoupon() {
        buy(sale("t-1", 1, ADA, "60.00", 1).build());
        buy(sale("t-2", 1, ADA, "60.00", 1).build());
        buy(sale("t-3", 1, ADA, "60.00", 1).build());

        List<RewardNotification> out = notifications.readValuesToList();
        assertThat(out).singleElement().satisfies(n -> {
            assertThat(n.getMemberId()).isEqualTo(ADA);
            assertThat(n.getThresholdPoints()).isEqualTo(100L);
            assertThat(n.getTotalPoints()).isEqualTo(120L);
            assertThat(n.getTier()).isEqualTo(RewardTier.BRONZE);
            assertThat(n.getCouponCode()).isEqualTo(CouponCodes.codeFor(ADA, 100));
            assertThat(n.getDiscountPercent()).isEqualTo(10);
            assertThat(n.getIssuedAt()).isEqualTo(T0);
        });
    }

    @Test
    void aSaleCrossingTwoThresholdsNotifiesBothAndNeitherAgain() {
        buy(sale("t-1", 1, ADA, "260.00", 1).build());
        buy(sale("t-2", 1, ADA, "100.00", 1).build());
        buy(sale("t-3", 1, ADA, "200.00", 1).build());

        List<org.apache.kafka.streams.KeyValue<String, RewardNotification>> out = notifications.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsOnly(ADA);
        assertThat(out).extracting(kv -> kv.value.getThresholdPoints()).containsExactly(100L, 250L, 500L);
        assertThat(out).extracting(kv -> kv.value.getTotalPoints()).containsExactly(260L, 260L, 560L);
        assertThat(out).extracting(kv -> kv.value.getTier())
                .containsExactly(RewardTier.SILVER, RewardTier.SILVER, RewardTier.GOLD);
        assertThat(out).extracting(kv -> kv.value.getCouponCode()).doesNotHaveDuplicates();
        assertThat(driver.<String, MemberRewards>getKeyValueStore(RewardsTopology.MEMBER_REWARDS_STORE).get(ADA))
                .satisfies(state -> {
                    assertThat(state.getTotalPoints()).isEqualTo(560L);
                    assertThat(state.getThresholdsReached()).containsExactly(100L, 250L, 500L);
                    assertThat(state.getSaleLines()).isEqualTo(3L);
                });
    }

    @Test
    void aDuplicatedSaleLineCountsOnce() {
        Sale line = sale("t-1", 1, ADA, "150.00", 1).build();

        buy(line);
        buy(line);
        buy(sale("t-1", 2, ADA, "1.00", 1).build());

        assertThat(updates.readValuesToList()).extracting(RewardUpdate::getTotalPoints).containsExactly(150L, 151L);
        assertThat(notifications.readValuesToList()).hasSize(1);
    }

    @Test
    void linesKeyedByTheirMemberAreCountedWithoutARepartition() {
        buy(sale("t-1", 1, ADA, "12.50", 2).build());
        buy(sale("t-2", 1, BOB, "7.00", 1).build());

        assertThat(updates.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value.getTotalPoints())
                .containsExactly(ADA + "=25", BOB + "=7");
        assertThat(repartitioned()).as("a record written to the repartition topic").isFalse();
    }

    @Test
    void linesKeyedByTransactionAreRepartitionedToTheirMemberAndCountedWithTheOthers() {
        buy(sale("t-1", 1, ADA, "12.50", 2).build());
        buyKeyedByTransaction(sale("t-2", 1, ADA, "10.00", 1).build());
        buy(sale("t-3", 1, ADA, "7.00", 1).build());

        assertThat(updates.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value.getTotalPoints())
                .containsExactly(ADA + "=25", ADA + "=35", ADA + "=42");
        assertThat(repartitioned()).as("a record written to the repartition topic").isTrue();
        assertThat(driver.<String, MemberRewards>getKeyValueStore(RewardsTopology.MEMBER_REWARDS_STORE).get(ADA)
                .getSaleLines()).isEqualTo(3L);
    }

    @Test
    void aLineAndItsCopyUnderTheOtherKeyCountOnce() {
        Sale line = sale("t-1", 1, ADA, "150.00", 1).build();

        buy(line);
        buyKeyedByTransaction(line);
        buyKeyedByTransaction(sale("t-2", 1, BOB, "5.00", 1).build());
        buy(sale("t-2", 1, BOB, "5.00", 1).build());

        assertThat(updates.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value.getTotalPoints())
                .containsExactly(ADA + "=150", BOB + "=5");
        assertThat(notifications.readValuesToList()).hasSize(1);
    }

    @Test
    void aLineOlderThanTheDedupRetentionIsNotCounted() {
        buy(sale("t-new", 1, ADA, "10.00", 1).setPurchasedAt(T0.plus(Duration.ofDays(40))).build());
        buy(sale("t-old", 1, ADA, "10.00", 1).build());
        buy(sale("t-recent", 1, ADA, "10.00", 1).setPurchasedAt(T0.plus(Duration.ofDays(10))).build());

        assertThat(updates.readValuesToList()).extracting(RewardUpdate::getTransactionId)
                .containsExactly("t-new", "t-recent");
    }

    @Test
    void notificationsCarryTheMembersEmailWhenKnown() {
        members.pipeInput(ADA, member(ADA, "ada@example.com"));

        buy(sale("t-1", 1, ADA, "100.00", 1).build());
        buy(sale("t-2", 1, BOB, "100.00", 1).build());

        List<RewardNotification> out = notifications.readValuesToList();
        assertThat(out).extracting(RewardNotification::getMemberId).containsExactly(ADA, BOB);
        assertThat(out).extracting(RewardNotification::getEmail).containsExactly("ada@example.com", null);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndProcessingGoesOn() {
        TestInputTopic<byte[], byte[]> rawSales = driver.createInputTopic(Topics.SALES.name(),
                new ByteArraySerializer(), new ByteArraySerializer());
        byte[] garbage = {0, 0, 0, 0, 42, -1, -2, -3};
        rawSales.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("t-bad".getBytes(StandardCharsets.UTF_8),
                garbage, new RecordHeaders().add("origin", "pos".getBytes(StandardCharsets.UTF_8)), T0));

        buy(sale("t-1", 1, ADA, "10.00", 1).build());

        assertThat(updates.readValuesToList()).extracting(RewardUpdate::getTransactionId).containsExactly("t-1");
        assertThat(deadLetterProducer.history()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo(Topics.REWARDS_DLT.name());
            assertThat(deadLetter.key()).asString(StandardCharsets.UTF_8).isEqualTo("t-bad");
            assertThat(deadLetter.value()).isEqualTo(garbage);
            assertThat(header(deadLetter, "origin")).isEqualTo("pos");
            assertThat(header(deadLetter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterReason.DESERIALIZATION.headerValue());
            assertThat(header(deadLetter, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.SALES.name());
            assertThat(header(deadLetter, DeadLetterHeaders.OFFSET)).isEqualTo("0");
            assertThat(header(deadLetter, DeadLetterHeaders.EXCEPTION)).isNotBlank();
            assertThat(header(deadLetter, DeadLetterHeaders.PROCESSOR)).isEqualTo("sales-source");
        });
    }

    @Test
    void aMembersReturnIsNotASaleLineAndGoesToTheDeadLetterTopic() {
        buy(sale("t-return", 1, ADA, "10.00", -1).build());
        buy(sale("t-1", 1, ADA, "10.00", 1).build());

        assertThat(updates.readValuesToList()).singleElement().satisfies(update -> {
            assertThat(update.getTransactionId()).isEqualTo("t-1");
            assertThat(update.getTotalPoints()).isEqualTo(10);
        });
        assertThat(deadLetterProducer.history()).singleElement().satisfies(deadLetter -> {
            // The record as written: keyed by its member.
            assertThat(deadLetter.key()).asString(StandardCharsets.UTF_8).isEqualTo(ADA);
            assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.INVALID.headerValue());
            assertThat(header(deadLetter, DeadLetterHeaders.MESSAGE))
                    .contains("quantity must be between 1 and 1000000");
            assertThat(header(deadLetter, DeadLetterHeaders.PROCESSOR)).isEqualTo("valid-sale-lines");
        });
    }
}
