package com.zmart.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.demo.services.SuiteService;
import com.zmart.events.CampaignConversion;
import com.zmart.events.CampaignFunnel;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.Restock;
import com.zmart.events.RewardNotification;
import com.zmart.events.RewardTier;
import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.hardening.ExpectedFigures.Rewards;
import com.zmart.hardening.ExpectedFigures.Trend;
import com.zmart.sales.simulator.StoreCatalog;
import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, item 2. On each input topic, 1,000 bad records interleaved with good ones: random bytes, a valid
 * Confluent frame (magic byte 0, 4-byte id) whose schema id the registry does not know, and a registered schema with
 * values the consuming services reject (or, where no value is rejected, a record of another contract). Every bad
 * record must reach the dead-letter topic of every service that consumes it, with its reason in headers; every good
 * record must be processed (figures computed independently, as in the fault test); every service stays ready, and
 * rewards, killed and restarted, gets past the bad members again when it rebuilds its global table.
 */
@ExtendWith(SuiteExtension.class)
class PoisonRecordsIT {

    private static final long SEED = Long.getLong("hardening.seed", 20261126L) ^ 0x9015L;
    private static final int BAD_PER_TOPIC = 1_000;
    private static final Duration EVENT_SPAN = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofMinutes(6);
    /** Good records sent to the sinks' topics: trends of one store, and campaigns that top the dashboard's list. */
    private static final int SINK_GOOD = 100;
    private static final String SINK_STORE = "ok-sink-store";
    private static final long SINK_UNITS = (long) SINK_GOOD * (SINK_GOOD + 1) / 2;
    private static final int SINK_CAMPAIGNS = 10;
    private static final String SINK_CAMPAIGN = "ok-sink-campaign-";
    private static final long SINK_CONVERSIONS = 1_000_000_000L;
    private static final String SINK_FUNNEL = "ok-sink-funnel-";
    /** Identities this test gives records: bad-<topic>-<n> (poison) and ok-<topic>-<n> (good). */
    private static final Pattern IDENTITY = Pattern.compile("(bad|ok)-[a-z]+-[0-9a-z]+");

    private final Map<String, Set<String>> expectedDeadLetters = new TreeMap<>();
    private final SplittableRandom random = new SplittableRandom(SEED);

    @Test
    void badRecordsEndInDeadLetterTopicsAndGoodOnesAreAllProcessed(Suite suite) throws Exception {
        assertThat(suite.allReady()).as("every service ready before the run").isTrue();
        StoreCatalog catalog = suite.catalog();
        Map<String, Rewards> rewardsBefore = ActualFigures.rewards(suite);
        Map<String, Long> stockBefore = ActualFigures.stock(suite);
        Instant eventStart = Suite.eventTimeRange(EVENT_SPAN);
        ExpectedFigures expected = new ExpectedFigures();
        Map<String, Long> restocked = new TreeMap<>();
        Set<String> expectedEmails = new TreeSet<>();
        List<Customer> clicked = catalog.customers().subList(0, catalog.customers().size() / 2);
        String campaign = "poison-campaign-" + Long.toString(SEED & 0xFFFFF, 36);

        try (KafkaProducer<String, byte[]> producer = suite.producer(); Poison poison = new Poison(producer, suite)) {

            // Loyalty members (rewards' global table): new members, whose coupon emails later prove they were read.
            List<String> newMembers = new ArrayList<>();
            List<Record> members = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String member = "ok-member-" + i;
                newMembers.add(member);
                members.add(new Record(member, LoyaltyMember.newBuilder().setMemberId(member)
                        .setCustomerId("ok-customer-" + i).setEmail(member + "@zmart.example").setFirstName("Ok")
                        .setJoinedAt(eventStart).build()));
            }
            poison.interleave(Topics.LOYALTY_MEMBERS, "member", members, Set.of(Topics.REWARDS_DLT.name()),
                    n -> wrongContract(catalog, eventStart, n));

            // Coupon clicks of half the customers, a minute before their purchases (attribution, sales-trends).
            List<Record> clicks = new ArrayList<>();
            for (Customer customer : clicked) {
                clicks.add(new Record(customer.id(), ClickEvent.newBuilder().setEventId("ok-click-" + customer.id())
                        .setCampaignId(campaign).setCustomerId(customer.id()).setSessionId("poison")
                        .setAction(ClickAction.ACTIVATED_COUPON).setUrl("https://coupons.zmart.example/" + campaign)
                        .setCouponCode(StoreCatalog.COUPON_CODE).setOccurredAt(eventStart.minusSeconds(60)).build()));
            }
            poison.interleave(Topics.CLICKS, "click", clicks, Set.of(Topics.SALES_TRENDS_DLT.name()),
                    n -> wrongContract(catalog, eventStart, n));

            // Reward notifications (the coupon mailer): bad ones have no address, which the mailer cannot use.
            List<Record> notifications = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String member = "ok-notified-" + i;
                expectedEmails.add(member + "@zmart.example");
                notifications.add(new Record(member, notification(member, member + "@zmart.example", "OK-NTF-" + i)));
            }
            poison.interleave(Topics.REWARD_NOTIFICATIONS, "notification", notifications,
                    Set.of(Topics.REWARDS_DLT.name()),
                    n -> notification("bad-notification-" + n, null, "BAD-NTF-" + n));

            // Restocks (inventory): bad ones receive zero units.
            List<Record> restocks = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Store store = pick(catalog.stores());
                Product product = pick(catalog.products());
                int quantity = 1 + random.nextInt(20);
                restocked.merge(ExpectedFigures.stockKey(store.id(), product.sku()), (long) quantity, Long::sum);
                restocks.add(new Record(store.id() + "/" + product.sku(), Restock.newBuilder()
                        .setRestockId("ok-restock-" + i).setStoreId(store.id()).setSku(product.sku())
                        .setQuantity(quantity).setReceivedAt(eventStart).build()));
            }
            poison.interleave(Topics.RESTOCKS, "restock", restocks, Set.of(Topics.INVENTORY_DLT.name()),
                    n -> Restock.newBuilder().setRestockId("bad-restock-" + n).setStoreId(catalog.stores().get(0).id())
                            .setSku(catalog.products().get(0).sku()).setQuantity(0).setReceivedAt(eventStart).build());

            // The dashboard's sink connectors read what sales-trends writes; their good records here are figures of
            // a store of their own, on windows two days back, which no other check of the suite looks at.
            List<Record> trends = new ArrayList<>();
            Instant sinkWindows = eventStart.minus(Duration.ofDays(2));
            for (int i = 0; i < SINK_GOOD; i++) {
                trends.add(new Record("ok-trend-" + i, sinkTrend(sinkWindows, i)));
            }
            poison.interleave(Topics.SALES_TRENDS, "trend", trends, Set.of(Topics.SALES_DASHBOARD_DLT.name()),
                    n -> wrongContract(catalog, eventStart, n));
            List<Record> conversions = new ArrayList<>();
            for (int i = 0; i < SINK_CAMPAIGNS; i++) {
                conversions.add(new Record(SINK_CAMPAIGN + i, sinkConversion(i, eventStart)));
            }
            poison.interleave(Topics.CAMPAIGN_CONVERSIONS, "conversion", conversions,
                    Set.of(Topics.SALES_DASHBOARD_DLT.name()), n -> wrongContract(catalog, eventStart, n));
            List<Record> funnels = new ArrayList<>();
            for (int i = 0; i < SINK_CAMPAIGNS; i++) {
                funnels.add(new Record(SINK_FUNNEL + i, sinkFunnel(i, eventStart)));
            }
            poison.interleave(Topics.CAMPAIGN_FUNNELS, "funnel", funnels,
                    Set.of(Topics.SALES_DASHBOARD_DLT.name()), n -> wrongContract(catalog, eventStart, n));

            // Sales (rewards, sales-trends, inventory).
            List<Record> sales = new ArrayList<>();
            for (Sale line : SaleLines.generate(catalog, SEED, "ok-sale-", 2_500, eventStart, EVENT_SPAN)) {
                expected.add(line);
                sales.add(new Record(SaleKeys.of(line), line));
            }
            poison.interleave(Topics.SALES, "sale", sales, Set.of(Topics.REWARDS_DLT.name(),
                    Topics.SALES_TRENDS_DLT.name(), Topics.INVENTORY_DLT.name()), n -> badSale(catalog, eventStart, n));
            poison.flush();

            // The new members' first purchases, once rewards' global table is past the members topic (its bad members
            // are all dead letters): each one crosses the first threshold, so its coupon email proves the member's
            // address was read.
            awaitDeadLetters(suite, Topics.REWARDS_DLT.name(), "bad-member-");
            Product gadget = catalog.products().stream().filter(p -> p.department().equals("electronics")
                    && p.unitPrice().compareTo(BigDecimal.valueOf(60)) >= 0).findFirst().orElseThrow();
            for (int i = 0; i < newMembers.size(); i++) {
                Sale line = memberSale(catalog, gadget, newMembers.get(i), i, eventStart);
                expected.add(line);
                expectedEmails.add(newMembers.get(i) + "@zmart.example");
                poison.send(Topics.SALES.name(), SaleKeys.of(line), poison.serialize(Topics.SALES, line));
            }
            poison.flush();
        }

        // Every bad record in each dead-letter topic it belongs to, with its reason; no good record there.
        Map<String, Set<String>> found = new TreeMap<>();
        Map<String, Map<String, Integer>> reasons = new TreeMap<>();
        List<String> withoutReason = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            found.clear();
            reasons.clear();
            withoutReason.clear();
            for (String dlt : expectedDeadLetters.keySet()) {
                Set<String> ids = new TreeSet<>();
                for (ConsumerRecord<byte[], byte[]> record : suite.readAll(dlt)) {
                    String id = identity(record);
                    if (id == null) {
                        continue;
                    }
                    ids.add(id);
                    String reason = reason(record);
                    if (reason == null) {
                        withoutReason.add(dlt + ": " + id);
                    }
                    reasons.computeIfAbsent(dlt, d -> new TreeMap<>()).merge(String.valueOf(reason), 1, Integer::sum);
                }
                found.put(dlt, ids);
            }
            if (found.equals(expectedDeadLetters)) {
                break;
            }
            ConsumerLag.sleep(Duration.ofSeconds(5));
        } while (System.nanoTime() < deadline);
        System.out.printf("[hardening] dead letters by reason: %s%n", reasons);
        for (String dlt : expectedDeadLetters.keySet()) {
            Set<String> missing = new TreeSet<>(expectedDeadLetters.get(dlt));
            missing.removeAll(found.get(dlt));
            Set<String> unexpected = new TreeSet<>(found.get(dlt));
            unexpected.removeAll(expectedDeadLetters.get(dlt));
            assertThat(first(missing)).as("%d bad records missing from %s", missing.size(), dlt).isEmpty();
            assertThat(first(unexpected)).as("%d records that should not be in %s", unexpected.size(), dlt).isEmpty();
        }
        assertThat(first(withoutReason)).as("dead letters without a reason header").isEmpty();

        // Every good record processed: sales (rewards, trends, stock), restocks, clicks, members and notifications.
        Map<String, Rewards> expectedRewards = new TreeMap<>(rewardsBefore);
        expected.rewards.forEach((member, r) -> expectedRewards.computeIfPresent(member,
                (m, before) -> new Rewards(before.points() + r.points(), before.lines() + r.lines())));
        Map<String, Long> expectedStock = new TreeMap<>(stockBefore);
        expected.unitsSold.forEach((item, units) -> expectedStock.merge(item, -units, Long::sum));
        restocked.forEach((item, units) -> expectedStock.merge(item, units, Long::sum));
        long expectedConversions = expected.receiptsOf(clicked.stream().map(Customer::id)
                .collect(java.util.stream.Collectors.toSet()));
        Map<String, Long> expectedSinkConversions = new TreeMap<>();
        Map<String, Long> expectedSinkFunnels = new TreeMap<>();
        for (int i = 0; i < SINK_CAMPAIGNS; i++) {
            expectedSinkConversions.put(SINK_CAMPAIGN + i, SINK_CONVERSIONS + i);
            expectedSinkFunnels.put(SINK_FUNNEL + i, SINK_CONVERSIONS + i);
        }
        String sinkTrendsPath = "/api/trends?windowKind=tumbling-1m&groupBy=store&storeId=" + SINK_STORE
                + "&range=PT2H&until=" + eventStart.minus(Duration.ofDays(2)).plus(Duration.ofHours(2));
        long sinkUnits = -1;
        Map<String, Long> sinkConversions = Map.of();
        Map<String, Long> sinkFunnels = Map.of();
        Map<String, Rewards> rewards = Map.of();
        Map<String, Long> stock = Map.of();
        Map<String, Trend> trends = Map.of();
        Set<String> emails = Set.of();
        long conversions = -1;
        do {
            rewards = ActualFigures.rewards(suite);
            stock = ActualFigures.stock(suite);
            trends = ActualFigures.trends(suite, "tumbling-1m", eventStart, eventStart.plus(EVENT_SPAN).plusSeconds(60));
            emails = emailsReceived(suite, expectedEmails);
            JsonNode conversion = suite.getJsonOr404(SuiteService.SALES_TRENDS, "/api/campaigns/" + campaign + "/conversion");
            conversions = conversion == null ? 0 : conversion.get("conversionCount").asLong();
            sinkUnits = suite.getJsonOr404(SuiteService.DASHBOARD, sinkTrendsPath).get("totalUnits").asLong();
            sinkConversions = dashboardTopCampaigns(suite, "/api/campaign-conversions", "conversionCount");
            sinkFunnels = dashboardTopCampaigns(suite, "/api/campaign-funnels", "purchases");
            if (rewards.equals(expectedRewards) && stock.equals(expectedStock) && trends.equals(expected.tumbling())
                    && emails.equals(expectedEmails) && conversions == expectedConversions
                    && sinkUnits == SINK_UNITS && sinkConversions.equals(expectedSinkConversions)
                    && sinkFunnels.equals(expectedSinkFunnels)) {
                break;
            }
            ConsumerLag.sleep(Duration.ofSeconds(5));
        } while (System.nanoTime() < deadline);
        assertThat(FaultToleranceIT.differences(rewards, expectedRewards)).as("rewards per member").isEmpty();
        assertThat(FaultToleranceIT.differences(stock, expectedStock)).as("stock per store/sku").isEmpty();
        assertThat(FaultToleranceIT.differences(trends, expected.tumbling())).as("tumbling-1m trends").isEmpty();
        Set<String> missingEmails = new TreeSet<>(expectedEmails);
        missingEmails.removeAll(emails);
        assertThat(first(missingEmails)).as("%d coupon emails not sent", missingEmails.size()).isEmpty();
        assertThat(conversions).as("purchases credited to the clicked campaign").isEqualTo(expectedConversions);
        assertThat(sinkUnits).as("units of the good trends in the dashboard's database").isEqualTo(SINK_UNITS);
        assertThat(sinkConversions).as("the good conversions in the dashboard's database")
                .isEqualTo(expectedSinkConversions);
        assertThat(sinkFunnels).as("the good funnels' purchases in the dashboard's database")
                .isEqualTo(expectedSinkFunnels);
        assertThat(suite.allReady()).as("every service ready after the poison").isTrue();

        // Nothing stops later either: rewards, killed, rebuilds its global table over the bad members again.
        suite.service(SuiteService.REWARDS).kill();
        suite.zmart().restart(SuiteService.REWARDS);
        assertThat(suite.allReady()).as("every service ready after rewards' restart").isTrue();
    }

    /** Writes the good records of a topic with 1,000 bad ones spread evenly between them. */
    private final class Poison implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final Suite suite;
        /** Each topic's own serializer, by topic name. */
        private final Map<String, Serializer<SpecificRecord>> serializers = new HashMap<>();
        private final List<Future<RecordMetadata>> sends = new ArrayList<>();

        Poison(KafkaProducer<String, byte[]> producer, Suite suite) {
            this.producer = producer;
            this.suite = suite;
        }

        /** The record as the services write it on {@code topic}. */
        @SuppressWarnings("unchecked")
        byte[] serialize(TopicSpec<String, ?> topic, SpecificRecord record) {
            return serializers.computeIfAbsent(topic.name(), name -> (Serializer<SpecificRecord>) suite.serializer(topic))
                    .serialize(topic.name(), record);
        }

        /**
         * Bad record n (key {@code bad-<kind>-<n>}) is, by n mod 3, random bytes, a frame with an unknown schema id,
         * or {@code invalid(n)}: a value of the topic's contract that its consumers reject, or a record of another
         * contract (serialized for zmart.sales) where they reject no value.
         */
        void interleave(TopicSpec<String, ?> topic, String kind, List<Record> good, Set<String> deadLetterTopics,
                        java.util.function.IntFunction<SpecificRecord> invalid) {
            int total = good.size() + BAD_PER_TOPIC;
            int nextGood = 0;
            for (int i = 0, bad = 0; i < total; i++) {
                boolean badTurn = (long) bad * total < (long) i * BAD_PER_TOPIC + BAD_PER_TOPIC / 2 || nextGood >= good.size();
                if (badTurn && bad < BAD_PER_TOPIC) {
                    String key = "bad-" + kind + "-" + bad;
                    byte[] value = switch (bad % 3) {
                        case 0 -> randomBytes();
                        case 1 -> unknownSchemaFrame(bad);
                        default -> {
                            SpecificRecord record = invalid.apply(bad);
                            yield serialize(record instanceof Sale && topic != Topics.SALES ? Topics.SALES : topic,
                                    record);
                        }
                    };
                    for (String dlt : deadLetterTopics(topic, bad, deadLetterTopics, invalid)) {
                        expectedDeadLetters.computeIfAbsent(dlt, d -> new TreeSet<>()).add(key);
                    }
                    send(topic.name(), key, value);
                    bad++;
                } else {
                    Record record = good.get(nextGood++);
                    send(topic.name(), record.key(), serialize(topic, record.value()));
                }
            }
        }

        void send(String topic, String key, byte[] value) {
            sends.add(producer.send(new ProducerRecord<>(topic, key, value)));
        }

        void flush() throws Exception {
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            sends.clear();
        }

        @Override
        public void close() {
            serializers.values().forEach(Serializer::close);
        }
    }

    /** Where bad record n of a topic must end: sales without a member are no business of rewards. */
    private static Set<String> deadLetterTopics(TopicSpec<String, ?> topic, int n, Set<String> all,
                                                java.util.function.IntFunction<SpecificRecord> invalid) {
        if (topic == Topics.SALES && n % 3 == 2 && invalid.apply(n) instanceof Sale sale
                && sale.getLoyaltyMemberId() == null) {
            Set<String> some = new HashSet<>(all);
            some.remove(Topics.REWARDS_DLT.name());
            return some;
        }
        return all;
    }

    record Record(String key, SpecificRecord value) {
    }

    /** Random bytes whose first byte is not the wire format's magic byte 0 (that case is the next kind). */
    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        if (bytes[0] == 0) {
            bytes[0] = 1;
        }
        return bytes;
    }

    /** Magic byte 0, a 4-byte schema id the registry never issued, then random bytes as the body. */
    private byte[] unknownSchemaFrame(int n) {
        byte[] body = new byte[random.nextInt(100)];
        random.nextBytes(body);
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(1_000_000 + n).put(body).array();
    }

    /**
     * Bad sales: with a member, a quantity and price whose points and revenue overflow the services' aggregates (and
     * more units than inventory accepts in a line); or, without a member, a quantity of zero.
     */
    private Sale badSale(StoreCatalog catalog, Instant eventStart, int n) {
        Customer customer = catalog.customers().get(n % catalog.customers().size());
        boolean overflow = (n / 3) % 2 == 0;
        Product product = catalog.products().get(n % catalog.products().size());
        return Sale.newBuilder().setTransactionId("bad-sale-" + n).setLineNumber(1)
                .setStoreId(catalog.stores().get(0).id()).setStoreZipCode(catalog.stores().get(0).zipCode())
                .setStoreRegion(catalog.stores().get(0).region()).setCustomerId(customer.id())
                .setLoyaltyMemberId(overflow ? catalog.customers().stream().flatMap(c -> c.memberId().stream())
                        .findFirst().orElseThrow() : null)
                .setSku(product.sku()).setProductName(product.name()).setDepartment(product.department())
                .setQuantity(overflow ? Integer.MAX_VALUE : 0)
                .setUnitPrice(overflow ? new BigDecimal("9999999999.99") : product.unitPrice())
                .setCouponCode(null).setDiscount(BigDecimal.ZERO.setScale(2))
                .setMaskedCardNumber(SaleLines.masked(customer.cardNumber())).setPurchasedAt(eventStart).build();
    }

    /** A sale line where a click or a member belongs: the wrong contract, in a valid frame. */
    private static Sale wrongContract(StoreCatalog catalog, Instant eventStart, int n) {
        Customer customer = catalog.customers().get(n % catalog.customers().size());
        Product product = catalog.products().get(n % catalog.products().size());
        return Sale.newBuilder().setTransactionId("bad-wrong-" + n).setLineNumber(1)
                .setStoreId(catalog.stores().get(0).id()).setStoreZipCode(catalog.stores().get(0).zipCode())
                .setStoreRegion(catalog.stores().get(0).region()).setCustomerId(customer.id()).setLoyaltyMemberId(null)
                .setSku(product.sku()).setProductName(product.name()).setDepartment(product.department())
                .setQuantity(1).setUnitPrice(product.unitPrice()).setCouponCode(null)
                .setDiscount(BigDecimal.ZERO.setScale(2)).setMaskedCardNumber(SaleLines.masked(customer.cardNumber()))
                .setPurchasedAt(eventStart).build();
    }

    /** Trend i of the sinks' store: units i + 1, in one of four departments, four to a minute. */
    private static SalesTrend sinkTrend(Instant windows, int i) {
        Instant start = windows.plus(Duration.ofMinutes(i / 4));
        return SalesTrend.newBuilder().setStoreId(SINK_STORE).setStoreZipCode("00000").setDepartment("dept-" + i % 4)
                .setWindowKind("tumbling-1m").setWindowStart(start).setWindowEnd(start.plusSeconds(60))
                .setUnits(i + 1).setRevenue(BigDecimal.valueOf(i + 1, 2)).setTransactions(1).setDistinctCustomers(1)
                .setTopItems(List.of()).build();
    }

    private static CampaignConversion sinkConversion(int i, Instant at) {
        return CampaignConversion.newBuilder().setCampaignId(SINK_CAMPAIGN + i).setConversionCount(SINK_CONVERSIONS + i)
                .setAttributedRevenue(BigDecimal.valueOf(i, 2)).setLastConversionAt(at).build();
    }

    /** Funnel i of the sinks' campaigns: more purchases than any campaign the rest of the suite runs. */
    private static CampaignFunnel sinkFunnel(int i, Instant at) {
        return CampaignFunnel.newBuilder().setCampaignId(SINK_FUNNEL + i).setEmailsOpened(3L * SINK_CONVERSIONS)
                .setLinksClicked(2L * SINK_CONVERSIONS).setCouponsActivated(SINK_CONVERSIONS + i)
                .setCouponsPrinted(SINK_CONVERSIONS + i).setPurchases(SINK_CONVERSIONS + i).setLastEventAt(at).build();
    }

    /**
     * The dashboard's top campaigns by {@code figure} (its list endpoint {@code path} orders by it): the sinks' good
     * campaigns, if all arrived.
     */
    private static Map<String, Long> dashboardTopCampaigns(Suite suite, String path, String figure) {
        Map<String, Long> top = new TreeMap<>();
        JsonNode list = suite.getJsonOr404(SuiteService.DASHBOARD, path + "?limit=" + SINK_CAMPAIGNS);
        list.forEach(c -> top.put(c.get("campaignId").asText(), c.get(figure).asLong()));
        return top;
    }

    private static RewardNotification notification(String member, String email, String coupon) {
        return RewardNotification.newBuilder().setMemberId(member).setEmail(email).setThresholdPoints(100)
                .setTotalPoints(120).setTier(RewardTier.BRONZE).setCouponCode(coupon).setDiscountPercent(10)
                .setIssuedAt(Instant.now()).build();
    }

    /** A new member's first purchase: one gadget, enough points for the first coupon. */
    private static Sale memberSale(StoreCatalog catalog, Product gadget, String member, int n, Instant eventStart) {
        Store store = catalog.stores().get(n % catalog.stores().size());
        return Sale.newBuilder().setTransactionId("ok-membersale-" + n).setLineNumber(1).setStoreId(store.id())
                .setStoreZipCode(store.zipCode()).setStoreRegion(store.region()).setCustomerId("ok-customer-" + n)
                .setLoyaltyMemberId(member).setSku(gadget.sku()).setProductName(gadget.name())
                .setDepartment(gadget.department()).setQuantity(1).setUnitPrice(gadget.unitPrice()).setCouponCode(null)
                .setDiscount(BigDecimal.ZERO.setScale(2)).setMaskedCardNumber("xxxxxxxxxxxx0000")
                .setPurchasedAt(eventStart.plusSeconds(n % 120)).build();
    }

    /** A bad record this test wrote (its key says so), which readers of the services' output topics skip. */
    static boolean isPoison(ConsumerRecord<byte[], byte[]> record) {
        return record.key() != null && new String(record.key(), StandardCharsets.ISO_8859_1).startsWith("bad-");
    }

    /** The record's identity: its key, or for records re-keyed inside a service, the id inside its value. */
    private static String identity(ConsumerRecord<byte[], byte[]> record) {
        for (byte[] bytes : new byte[][] {record.key(), record.value()}) {
            if (bytes != null) {
                Matcher matcher = IDENTITY.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                if (matcher.find()) {
                    return matcher.group();
                }
            }
        }
        return null;
    }

    /** Why it was set aside: the suite's zmart.dlt.reason, or spring-kafka's (the mailer) or Connect's exception class. */
    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        for (String name : List.of(DeadLetterHeaders.REASON, "kafka_dlt-exception-fqcn", "__connect.errors.exception.class.name")) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null && header.value().length > 0) {
                String value = new String(header.value(), StandardCharsets.UTF_8);
                Header cause = record.headers().lastHeader("kafka_dlt-exception-cause-fqcn");
                return cause == null ? value : value + " (" + new String(cause.value(), StandardCharsets.UTF_8) + ")";
            }
        }
        return null;
    }

    private static void awaitDeadLetters(Suite suite, String dlt, String prefix) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> record : suite.readAll(dlt)) {
                String id = identity(record);
                if (id != null && id.startsWith(prefix)) {
                    ids.add(id);
                }
            }
            if (ids.size() >= BAD_PER_TOPIC) {
                return;
            }
            assertThat(System.nanoTime()).as("%d of %d %s* in %s", ids.size(), BAD_PER_TOPIC, prefix, dlt)
                    .isLessThan(deadline);
            ConsumerLag.sleep(Duration.ofSeconds(3));
        }
    }

    private static Set<String> emailsReceived(Suite suite, Set<String> wanted) throws Exception {
        Set<String> received = new TreeSet<>();
        for (MimeMessage message : suite.zmart().platform().smtp().orElseThrow().receivedMessages()) {
            for (Address recipient : message.getAllRecipients()) {
                if (wanted.contains(recipient.toString())) {
                    received.add(recipient.toString());
                }
            }
        }
        return received;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static List<String> first(Set<String> items) {
        return items.stream().limit(10).toList();
    }

    private static List<String> first(List<String> items) {
        return items.stream().limit(10).toList();
    }
}
