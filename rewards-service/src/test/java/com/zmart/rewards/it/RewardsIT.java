package com.zmart.rewards.it;

import static com.zmart.contracts.testing.DeadLetterRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.RewardNotification;
import com.zmart.events.RewardTier;
import com.zmart.events.Sale;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.platform.testing.TestKafka;
import com.zmart.rewards.RewardsFixtures;
import com.zmart.rewards.coupons.CouponCodes;
import com.zmart.rewards.mail.MissingEmailAddressException;
import com.zmart.rewards.topology.RewardsTopology;
import com.zmart.streams.interactivequeries.InteractiveQueries;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rewards service on the real platform (broker, registry, SMTP): sales in, points and coupon emails out, lookups
 * across instances, a restart that neither loses nor double-counts, and poison records set aside.
 */
@LocalPlatformTest
class RewardsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path stateDirs;

    @Test
    void salesEarnPointsAndACouponEmailThatIsNeverSentTwice(LocalPlatform platform) throws Exception {
        String run = runId();
        String member = "member-" + run;
        publishMember(platform, member, member + "@example.com");
        try (RewardsInstance rewards = RewardsInstance.start(platform, "rewards-" + run, stateDirs.resolve("a"))) {
            awaitRunning(rewards);
            // 60 + 50 (the copy of line 2 is not counted) = 110 points: the 100-point coupon. The copy is the same
            // record, event time included, as a redelivery is; two lines built apart could differ by a millisecond.
            Sale twice = sale("t-" + run + "-2", 1, member, "50.00");
            publishSales(platform, List.of(
                    sale("t-" + run + "-1", 1, member, "60.00"), twice, twice,
                    sale("t-" + run + "-3", 1, null, "500.00")));

            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode body = lookup(rewards, member);
                assertThat(body.get("totalPoints").asLong()).isEqualTo(110);
                assertThat(body.get("saleLines").asLong()).isEqualTo(2);
                assertThat(body.get("nextThreshold").asLong()).isEqualTo(250);
                assertThat(body.get("coupons").get(0).get("couponCode").asText())
                        .isEqualTo(CouponCodes.codeFor(member, 100));
            });
            String coupon = CouponCodes.codeFor(member, 100);
            MimeMessage email = await().atMost(WAIT).until(() -> emailsFor(platform, coupon), m -> m.size() == 1).get(0);
            assertThat(email.getAllRecipients()[0].toString()).isEqualTo(member + "@example.com");
            String content = EmailText.of(email);
            assertThat(content).contains(coupon).contains("110").contains("10% off").contains("<html>");

            // The notification is redelivered (as after a crash before the offset commit); a later coupon of another
            // member proves the mailer went past it. The first coupon is still emailed once.
            RewardNotification redelivered = RewardNotification.newBuilder().setMemberId(member)
                    .setEmail(member + "@example.com").setThresholdPoints(100).setTotalPoints(110)
                    .setTier(RewardTier.BRONZE).setCouponCode(coupon).setDiscountPercent(10)
                    .setIssuedAt(Instant.now()).build();
            String other = "member-" + run + "-other";
            RewardNotification later = RewardNotification.newBuilder(redelivered).setMemberId(other)
                    .setEmail(other + "@example.com").setCouponCode(CouponCodes.codeFor(other, 100)).build();
            publish(platform, Topics.REWARD_NOTIFICATIONS, member, redelivered);
            publish(platform, Topics.REWARD_NOTIFICATIONS, member, later);
            await().atMost(WAIT).until(() -> emailsFor(platform, later.getCouponCode()).size() == 1);
            assertThat(emailsFor(platform, coupon)).hasSize(1);
        }
    }

    @Test
    void lookupsAnswerUnknownAndMalformedMembersWithProblems(LocalPlatform platform) throws Exception {
        String run = runId();
        try (RewardsInstance rewards = RewardsInstance.start(platform, "rewards-" + run, stateDirs.resolve("p"))) {
            awaitRunning(rewards);
            var unknown = rewards.get("/api/rewards/member-nobody-" + run);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            var malformed = rewards.get("/api/rewards/%3Cscript%3E");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(malformed.body()).at("/errors/0/field").asText()).isEqualTo("memberId");
            // Probes, scrapers and the API description need no key; an unknown member does (401 tells nothing).
            assertThat(rewards.send("/v3/api-docs").body()).contains("/api/rewards/{memberId}");
            assertThat(JSON.readTree(rewards.send("/actuator/health/readiness").body()).get("status").asText())
                    .isEqualTo("UP");
            assertThat(rewards.send("/actuator/prometheus").statusCode()).isEqualTo(200);
            assertThat(rewards.send("/api/rewards/member-nobody-" + run).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void twoInstancesAnswerForTheMembersTheOtherOwns(LocalPlatform platform) throws Exception {
        String run = runId();
        String applicationId = "rewards-" + run;
        List<Sale> sales = new ArrayList<>();
        Map<String, Long> expected = new HashMap<>();
        for (int m = 0; m < 24; m++) {
            String member = "member-" + run + "-" + m;
            sales.add(sale("t-" + run + "-" + m, 1, member, (m + 1) + ".00"));
            expected.put(member, (long) m + 1);
        }
        try (RewardsInstance a = RewardsInstance.start(platform, applicationId, stateDirs.resolve("a"));
             RewardsInstance b = RewardsInstance.start(platform, applicationId, stateDirs.resolve("b"))) {
            publishSales(platform, sales);
            await().atMost(WAIT).untilAsserted(() -> {
                for (var entry : expected.entrySet()) {
                    for (RewardsInstance instance : List.of(a, b)) {
                        var response = instance.get("/api/rewards/" + entry.getKey());
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        JsonNode body = JSON.readTree(response.body());
                        assertThat(body.get("totalPoints").asLong()).isEqualTo(entry.getValue());
                        // From the owner, not from this instance's standby: the forwarded lookup carried the key.
                        assertThat(body.get("fromStandby").asBoolean()).as(entry.getKey()).isFalse();
                    }
                }
            });
            // Both own members: each answered some lookups by forwarding to the other.
            Map<String, Integer> owners = new HashMap<>();
            expected.keySet().forEach(member -> owners.put(member, a.streams().queryMetadataForKey(
                    RewardsTopology.MEMBER_REWARDS_STORE, member, Serdes.String().serializer()).activeHost().port()));
            assertThat(owners.values().stream().distinct().toList()).containsExactlyInAnyOrder(a.port(), b.port());

            // Without a key nobody answers: not the instance asked, and not the owner asked directly as if forwarded.
            String ownedByB = owners.entrySet().stream().filter(e -> e.getValue() == b.port()).findFirst()
                    .orElseThrow().getKey();
            assertThat(a.send("/api/rewards/" + ownedByB).statusCode()).isEqualTo(401);
            assertThat(a.send("/api/rewards/" + ownedByB, "X-API-Key", "not-" + RewardsInstance.API_KEY).statusCode())
                    .isEqualTo(401);
            var forwardedWithoutKey = b.send("/api/rewards/" + ownedByB, InteractiveQueries.FORWARDED_HEADER, "true");
            assertThat(forwardedWithoutKey.statusCode()).isEqualTo(401);
            assertThat(forwardedWithoutKey.body()).doesNotContain("totalPoints");
            assertThat(b.send("/api/rewards/" + ownedByB, InteractiveQueries.FORWARDED_HEADER, "true",
                    "X-API-Key", RewardsInstance.API_KEY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void stoppingAnInstanceMidRunAndStartingItAgainGivesTheSameTotals(LocalPlatform platform) throws Exception {
        String run = runId();
        Map<String, Long> expected = new HashMap<>();
        List<Sale> sales = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String member = "member-" + run + "-" + (i % 40);
            Sale line = sale("t-" + run + "-" + i, 1, member, "3.00");
            sales.add(line);
            if (i % 10 == 0) {
                sales.add(line); // redelivered by the connector
            }
            expected.merge(member, 3L, Long::sum);
        }
        Path stateDir = stateDirs.resolve("restart");
        // A static member: the second instance takes the first one's tasks back without waiting for its session to
        // time out (Streams does not leave the group on close).
        String instanceId = "rewards-" + run + "-0";
        RewardsInstance first = RewardsInstance.start(platform, "rewards-" + run, stateDir, instanceId);
        awaitRunning(first);
        publishSales(platform, sales.subList(0, sales.size() / 2));
        // Stopped while it works through the first half; the second half arrives while it is down.
        await().atMost(WAIT).until(() -> first.get("/api/rewards/member-" + run + "-0").statusCode() == 200);
        first.close();
        publishSales(platform, sales.subList(sales.size() / 2, sales.size()));

        try (RewardsInstance second = RewardsInstance.start(platform, "rewards-" + run, stateDir, instanceId)) {
            await().atMost(WAIT).untilAsserted(() -> {
                for (var entry : expected.entrySet()) {
                    var response = second.get("/api/rewards/" + entry.getKey());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(JSON.readTree(response.body()).get("totalPoints").asLong())
                            .as(entry.getKey()).isEqualTo(entry.getValue());
                }
            });
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheRestIsProcessed(LocalPlatform platform) throws Exception {
        String run = runId();
        String member = "member-" + run;
        try (RewardsInstance rewards = RewardsInstance.start(platform, "rewards-" + run, stateDirs.resolve("d"));
             TestKafka kafka = new TestKafka(platform)) {
            awaitRunning(rewards);
            byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
            byte[] unknownSchema = {0, 0, 0, 0x7f, 0x7f, 1, 2, 3, 4};
            kafka.sendBytes(Topics.SALES.name(), "poison-" + run + "-1", garbage);
            kafka.sendBytes(Topics.SALES.name(), "poison-" + run + "-2", unknownSchema);
            publishSales(platform, List.of(sale("t-" + run, 1, member, "7.00")));

            await().atMost(WAIT).until(() -> rewards.get("/api/rewards/" + member).statusCode() == 200);
            List<ConsumerRecord<String, byte[]>> letters = deadLetters(platform, "poison-" + run, 2);
            assertThat(letters).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(garbage, unknownSchema);
            assertThat(letters).allSatisfy(letter -> {
                assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.DESERIALIZATION.headerValue());
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.SALES.name());
                assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isNotBlank();
            });
            assertThat(rewards.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void notificationsTheMailerCannotUseAreSetAsideWithoutHoldingUpTheRestOfTheirPoll(LocalPlatform platform)
            throws Exception {
        String run = runId();
        String key = "mailer-" + run;
        RewardNotification first = notification("member-" + run + "-1");
        RewardNotification noAddress = RewardNotification.newBuilder(notification("member-" + run + "-2"))
                .setEmail(null).build();
        RewardNotification last = notification("member-" + run + "-3");
        byte[] unreadable = "not a notification".getBytes(StandardCharsets.UTF_8);
        try (RewardsInstance rewards = RewardsInstance.start(platform, "rewards-" + run, stateDirs.resolve("m"));
             TestKafka kafka = new TestKafka(platform)) {
            awaitRunning(rewards);
            // One key, one partition, written back to back: the four usually arrive in one poll.
            kafka.send(Topics.REWARD_NOTIFICATIONS, key, first);
            kafka.send(Topics.REWARD_NOTIFICATIONS, key, noAddress);
            kafka.sendBytes(Topics.REWARD_NOTIFICATIONS.name(), key, unreadable);
            kafka.send(Topics.REWARD_NOTIFICATIONS, key, last);

            await().atMost(WAIT).until(() -> emailsFor(platform, last.getCouponCode()).size() == 1);
            List<ConsumerRecord<String, byte[]>> letters = deadLetters(platform, key, 2);
            // The reason itself, not the listener's wrappers around it.
            assertThat(letters).extracting(letter -> header(letter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                    .containsExactlyInAnyOrder(MissingEmailAddressException.class.getName(),
                            SerializationException.class.getName());
            assertThat(letters).anySatisfy(letter -> assertThat(letter.value()).isEqualTo(unreadable));
            // ... in the suite's own vocabulary too, as the Streams handlers and inventory write it.
            assertThat(letters).extracting(letter -> header(letter, DeadLetterHeaders.REASON))
                    .containsExactlyInAnyOrder(DeadLetterReason.INVALID.headerValue(),
                            DeadLetterReason.DESERIALIZATION.headerValue());
            // Neither the email before the failures nor the one after them was sent twice by the redeliveries.
            assertThat(emailsFor(platform, first.getCouponCode())).hasSize(1);
            assertThat(emailsFor(platform, last.getCouponCode())).hasSize(1);
            assertThat(emailsFor(platform, noAddress.getCouponCode())).isEmpty();
        }
    }

    private static RewardNotification notification(String member) {
        return RewardNotification.newBuilder().setMemberId(member).setEmail(member + "@example.com")
                .setThresholdPoints(100).setTotalPoints(104).setTier(RewardTier.BRONZE)
                .setCouponCode(CouponCodes.codeFor(member, 100)).setDiscountPercent(10).setIssuedAt(Instant.now())
                .build();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(LocalPlatform platform, String keyPrefix, int count) {
        try (TestKafka kafka = new TestKafka(platform); TestKafka.Reader letters = kafka.reader(Topics.REWARDS_DLT)) {
            return letters.awaitMatching(r -> r.key() != null && r.key().startsWith(keyPrefix), count, WAIT);
        }
    }

    private static void awaitRunning(RewardsInstance instance) {
        await().atMost(WAIT).until(() -> instance.state() == KafkaStreams.State.RUNNING);
    }

    private static JsonNode lookup(RewardsInstance instance, String member) throws Exception {
        var response = instance.get("/api/rewards/" + member);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<MimeMessage> emailsFor(LocalPlatform platform, String coupon) {
        return platform.smtp().orElseThrow().receivedMessages().stream()
                .filter(message -> EmailText.of(message).contains(coupon)).toList();
    }

    private static Sale sale(String transactionId, int line, String member, String price) {
        return RewardsFixtures.sale(transactionId, line, member, price, 1).setUnitPrice(new BigDecimal(price))
                .setPurchasedAt(Instant.now()).build();
    }

    static void publishSales(LocalPlatform platform, List<Sale> sales) {
        try (TestKafka kafka = new TestKafka(platform)) {
            kafka.sendAll(Topics.SALES, SaleKeys::of, sales);
        }
    }

    private static void publishMember(LocalPlatform platform, String member, String email) {
        LoyaltyMember value = RewardsFixtures.member(member, email);
        publish(platform, Topics.LOYALTY_MEMBERS, member, value);
    }

    private static <T extends SpecificRecord> void publish(LocalPlatform platform, TopicSpec<String, T> topic, String key,
                                                           T value) {
        try (TestKafka kafka = new TestKafka(platform)) {
            kafka.send(topic, key, value);
        }
    }

    static Properties producerConfig(LocalPlatform platform) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
