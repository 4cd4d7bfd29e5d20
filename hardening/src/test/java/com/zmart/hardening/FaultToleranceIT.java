package com.zmart.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.topic.Topics;
import com.zmart.demo.services.SuiteService;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.hardening.ExpectedFigures.Rewards;
import com.zmart.hardening.ExpectedFigures.Trend;
import com.zmart.platform.smtp.SmtpServer;
import com.zmart.sales.simulator.Register;
import com.zmart.sales.simulator.StoreCatalog;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, item 1. At least 100,000 sale lines (system property {@code hardening.sale-lines}) go straight to
 * zmart.sales, about 1% of them sent twice, while, one at a time and each in the middle of the production: rewards,
 * inventory and sales-trends are killed with SIGKILL and restarted, one of the three Kafka nodes (each a JVM of its
 * own; replication factor 3, min.insync.replicas 2) is killed with SIGKILL and restarted, and the Connect worker (a
 * JVM of its own) is killed with SIGKILL and replaced while a register writes receipts through PostgreSQL and
 * Debezium. Afterwards rewards totals per member, trends per store and department (every one-minute and hour-long
 * window: units, revenue, distinct transactions and customers), stock per store and sku, coupon emails, reorders and
 * the attributed receipts and revenue must equal what the test computes from the lines it produced
 * (ExpectedFigures): nothing lost, nothing counted twice.
 */
@ExtendWith(SuiteExtension.class)
class FaultToleranceIT {

    private static final int LINES = Integer.getInteger("hardening.sale-lines", 100_000);
    private static final long SEED = Long.getLong("hardening.seed", 20261126L);
    /** Event time of all lines: shorter than sales-trends' grace (10 min), so no line is ever too late for its window. */
    private static final Duration EVENT_SPAN = Duration.ofMinutes(6);
    private static final double DUPLICATE_SHARE = 0.01;
    private static final int REGISTER_RECEIPTS = Integer.getInteger("hardening.register-receipts", 1_200);
    private static final double REGISTER_RATE = 40;
    private static final Duration CATCH_UP = Duration.ofMinutes(Long.getLong("hardening.catch-up-minutes", 20));
    /**
     * The catch-up moves on every few seconds while anything is left (a commit interval at most between drops); this
     * long without a new low is a stall, reported with what each group and service was doing.
     */
    private static final Duration STALL = Duration.ofMinutes(3);
    /** The test's progress as it goes (failsafe keeps its output until the end): where a hung run stood. */
    private static final Path PROGRESS = Path.of("target", "fault-tolerance-progress.log");

    /** rewards-service application.yml, {@code zmart.rewards.thresholds}. */
    private static final long[] COUPON_THRESHOLDS = {100, 250, 500, 1000};
    private static final String[] GROUPS = {"zmart-rewards", "inventory-service", "zmart-sales-trends"};
    /** The Kafka node the test crashes: not the first, whose port is the first of the bootstrap list. */
    private static final int CRASHED_NODE = 1;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // 100,000 lines with kills and restarts, then the catch-up
    void crashesAndRestartsLoseNothingAndCountNothingTwice(Suite suite) throws Exception {
        long testStarted = System.nanoTime();
        Files.deleteIfExists(PROGRESS);
        assertThat(suite.allReady()).as("every service ready before the run").isTrue();
        Map<String, Rewards> rewardsBefore = ActualFigures.rewards(suite);
        Map<String, ActualFigures.Item> itemsBefore = ActualFigures.items(suite);
        Map<String, Long> stockBefore = new TreeMap<>();
        itemsBefore.forEach((key, item) -> stockBefore.put(key, item.onHand()));
        Map<String, Set<String>> reordersBefore = ActualFigures.reorders(suite);

        Instant eventStart = Suite.eventTimeRange(EVENT_SPAN);
        List<Sale> lines = SaleLines.generate(suite.catalog(), SEED, "ft-", LINES, eventStart, EVENT_SPAN);
        ExpectedFigures expected = new ExpectedFigures();
        lines.forEach(expected::add);

        // The register's receipts (through PostgreSQL, Debezium and the masking transform), in the same event span.
        SplittableRandom registerRandom = new SplittableRandom(SEED ^ 0xCDCL);
        List<Register.Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < REGISTER_RECEIPTS; i++) {
            receipts.add(SaleLines.receipt(suite.catalog(), registerRandom, "cdc-ft-" + Integer.toString(i, 36),
                    eventStart.plusMillis(EVENT_SPAN.toMillis() * i / REGISTER_RECEIPTS)));
        }
        List<Sale> registerLines = receipts.stream().flatMap(r -> SaleLines.linesOf(r).stream()).toList();
        registerLines.forEach(expected::add);

        // A coupon click of every other customer a minute before the first line: each of their receipts, whichever
        // path it took and whatever was killed meanwhile, is credited to the campaign once.
        Set<String> clicked = clickCoupons(suite, eventStart.minusSeconds(60));

        Producing producing = new Producing(suite, lines);
        AtomicInteger rung = new AtomicInteger();
        Map<String, Long> lagAtKill = new TreeMap<>();
        CompletableFuture<Void> registers;
        try (ConsumerLag lag = new ConsumerLag(suite)) {
            // Each consumer is killed while it works through a burst of lines and started again at once, while the
            // next bursts are produced and the next consumer is killed: it resumes with a backlog, and a service may
            // still be starting when the next one goes down.
            SuiteService[] victims = {SuiteService.REWARDS, SuiteService.INVENTORY, SuiteService.SALES_TRENDS};
            List<CompletableFuture<Void>> restarts = new ArrayList<>();
            ExecutorService restarting = Executors.newFixedThreadPool(victims.length);
            try {
                for (int i = 0; i < victims.length; i++) {
                    SuiteService victim = victims[i];
                    long committedBefore = lag.salesCommitted(GROUPS[i]);
                    CompletableFuture<Void> burst = producing.next(0.15);
                    lagAtKill.put(victim.name(), awaitMidRun(lag, GROUPS[i], committedBefore));
                    log("kill -9 %s with %d records left to process (%d lines produced)", victim.name(),
                            lagAtKill.get(victim.name()), producing.sent.get());
                    suite.service(victim).kill();
                    burst.join();
                    producing.next(0.15);
                    restarts.add(CompletableFuture.runAsync(() -> {
                        suite.zmart().restart(victim);
                        log("%s restarted and ready (%d lines produced)", victim.name(), producing.sent.get());
                    }, restarting));
                }
                CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).join();
            } finally {
                restarting.shutdown();
            }

            // A Kafka node crashes between two halves of a burst (its partitions' leaders and the transaction and
            // group coordinators it held move to the other two) and comes back on its logs after a while.
            producing.next(0.05).join();
            log("kill -9 Kafka node %d at %d lines produced", CRASHED_NODE, producing.sent.get());
            suite.zmart().platform().crashKafkaNode(CRASHED_NODE);
            CompletableFuture<Void> duringOutage = producing.next(0.05);
            ConsumerLag.sleep(Duration.ofSeconds(5));
            suite.zmart().platform().restartKafkaNode(CRASHED_NODE);
            duringOutage.join();
            log("Kafka node %d back; %d lines produced", CRASHED_NODE, producing.sent.get());

            // The Connect worker crashes halfway through the register's receipts, and a new one takes over.
            registers = CompletableFuture.runAsync(() -> ring(suite, receipts, rung));
            CompletableFuture<Void> last = producing.next(1.0);
            while (rung.get() < receipts.size() / 2 && !registers.isDone()) {
                ConsumerLag.sleep(Duration.ofMillis(100));
            }
            log("kill -9 Connect worker after %d of %d receipts, %d s after the start", rung.get(), receipts.size(),
                    secondsSince(testStarted));
            suite.zmart().platform().crashAndRestartConnect();
            log("Connect worker back, %d s after the start", secondsSince(testStarted));
            last.join();
        } finally {
            producing.close();
        }
        registers.get(10, TimeUnit.MINUTES);
        assertThat(producing.failures).as("sends the producer could not complete").isEmpty();
        log("produced %d lines (%d sent twice) in %d s; %d register receipts (%d lines) rung %d s after the start",
                lines.size(), producing.duplicates.get(), producing.seconds(), receipts.size(), registerLines.size(),
                secondsSince(testStarted));

        // The register's lines on zmart.sales, through Debezium: each one there (a Connect restart may repeat some).
        Map<String, Integer> copies = registerLinesOnTopic(suite, registerLines);
        assertThat(copies.keySet()).as("register lines on zmart.sales")
                .containsExactlyInAnyOrderElementsOf(registerLines.stream().map(SaleLines::lineId).toList());
        log("register lines on zmart.sales: %d distinct, %d repeated by Connect (%d s after the start)", copies.size(),
                copies.values().stream().mapToInt(c -> c - 1).sum(), secondsSince(testStarted));

        awaitCaughtUp(suite);
        log("every consumer caught up %d s after the start", secondsSince(testStarted));

        Map<String, Rewards> expectedRewards = new TreeMap<>(rewardsBefore);
        expected.rewards.forEach((member, r) -> expectedRewards.merge(member, r,
                (a, b) -> new Rewards(a.points() + b.points(), a.lines() + b.lines())));
        Map<String, Long> expectedStock = new TreeMap<>(stockBefore);
        expected.unitsSold.forEach((item, units) -> expectedStock.merge(item, -units, Long::sum));

        // Figures settle a commit interval after the lag reaches zero (trends emit on commit).
        Instant eventEnd = eventStart.plus(EVENT_SPAN).plusSeconds(60);
        Map<String, Rewards> rewards = Map.of();
        Map<String, Long> stock = Map.of();
        Map<String, Trend> trends = Map.of();
        Map<String, Trend> hourly = Map.of();
        Map<String, ActualFigures.Item> items = Map.of();
        Map<String, Set<String>> newReorders = Map.of();
        Conversion expectedConversion = new Conversion(expected.receiptsOf(clicked), expected.revenueCentsOf(clicked));
        Conversion conversion = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            rewards = ActualFigures.rewards(suite);
            items = ActualFigures.items(suite);
            stock = new TreeMap<>();
            for (var item : items.entrySet()) {
                stock.put(item.getKey(), item.getValue().onHand());
            }
            newReorders = newReorders(ActualFigures.reorders(suite), reordersBefore);
            conversion = conversion(suite);
            // Every hour-long window holding a line of this test starts less than an hour before the first one. The
            // test runs first, on a fresh suite (hardening pom), so those windows hold no other test's lines.
            List<Map<String, Trend>> views = ActualFigures.trends(suite,
                    new ActualFigures.Windows("tumbling-1m", eventStart, eventEnd),
                    new ActualFigures.Windows("hopping-1h-5m", eventStart.minus(Duration.ofHours(1)), eventEnd));
            trends = views.get(0);
            hourly = views.get(1);
            if (rewards.equals(expectedRewards) && stock.equals(expectedStock) && trends.equals(expected.tumbling())
                    && hourly.equals(expected.hourly()) && expectedConversion.equals(conversion)
                    && newReorders.keySet().equals(crossings(itemsBefore, items))) {
                break;
            }
            ConsumerLag.sleep(Duration.ofSeconds(10));
        }
        log("lag at each kill: %s", lagAtKill);
        assertThat(differences(rewards, expectedRewards)).as("rewards per member (actual vs expected)").isEmpty();
        assertThat(differences(stock, expectedStock)).as("stock per store/sku (actual vs expected)").isEmpty();
        assertThat(differences(trends, expected.tumbling())).as("tumbling-1m trends per store/department/window")
                .isEmpty();
        assertThat(differences(hourly, expected.hourly())).as("hopping-1h-5m trends per store/department/window")
                .isEmpty();
        assertThat(conversion).as("receipts and revenue credited to the campaign every other customer clicked")
                .isEqualTo(expectedConversion);

        // One reorder per item whose stock fell below its reorder point without an open reorder (no restocks here),
        // none for any other item, each the item's open reorder now.
        Set<String> crossings = crossings(itemsBefore, items);
        Map<String, Long> reordersPerItem = new TreeMap<>();
        newReorders.forEach((item, ids) -> reordersPerItem.put(item, (long) ids.size()));
        Map<String, Long> onePerCrossing = new TreeMap<>();
        crossings.forEach(item -> onePerCrossing.put(item, 1L));
        assertThat(differences(reordersPerItem, onePerCrossing)).as("new reorders per store/sku").isEmpty();
        for (String item : crossings) {
            assertThat(items.get(item).openReorder()).as("open reorder of " + item)
                    .isEqualTo(newReorders.get(item).iterator().next());
        }
        log("%d reorders, one per crossing of a reorder point; %d receipts and %d cents credited to the campaign",
                crossings.size(), conversion.receipts(), conversion.revenueCents());

        // One coupon email per threshold each member's total reached, after the kill of the service that sends them.
        Map<String, Long> expectedCoupons = couponsPerRecipient(suite, expectedRewards);
        CouponEmails emails;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        do {
            emails = couponEmails(suite);
            if (emails.coupons().equals(expectedCoupons)) {
                break;
            }
            ConsumerLag.sleep(Duration.ofSeconds(2));
        } while (System.nanoTime() < deadline);
        assertThat(differences(emails.coupons(), expectedCoupons))
                .as("coupon emails (distinct Message-IDs) per recipient").isEmpty();
        log("%d coupon emails to %d members as expected; %d sent again under the same Message-ID", emails.coupons()
                .values().stream().mapToLong(Long::longValue).sum(), emails.coupons().size(), emails.repeated());
        assertThat(suite.allReady()).as("every service ready after the run").isTrue();
        log("%d distinct lines: %d members, %d store/sku items, %d one-minute and %d hour-long windows as expected; "
                        + "whole test %d s", expected.lines(), expected.rewards.size(), expected.unitsSold.size(),
                expected.tumbling().size(), expected.hourly().size(),
                secondsSince(testStarted));
    }

    /**
     * Sends the lines in order, in bursts as fast as the producer goes, and about 1% of them a second time (the same
     * bytes under the same key, as a redelivery would).
     */
    private static final class Producing implements AutoCloseable {

        private final List<Sale> lines;
        private final KafkaProducer<String, byte[]> producer;
        private final Serializer<Sale> serializer;
        private final ExecutorService sender = Executors.newSingleThreadExecutor();
        private final SplittableRandom random = new SplittableRandom(SEED ^ 0xD0B1EL);
        private final List<byte[]> values = new ArrayList<>();
        private int planned;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final long started = System.nanoTime();
        private volatile long finished;

        Producing(Suite suite, List<Sale> lines) {
            this.lines = lines;
            this.producer = suite.producer();
            this.serializer = suite.serializer(Topics.SALES);
        }

        /** Sends the next {@code share} of all lines (or what is left); completes once the broker has them all. */
        CompletableFuture<Void> next(double share) {
            int from = planned;
            int to = Math.min(lines.size(), from + (int) Math.ceil(share * lines.size()));
            planned = to;
            return CompletableFuture.runAsync(() -> {
                for (int i = from; i < to; i++) {
                    Sale line = lines.get(i);
                    byte[] value = serializer.serialize(Topics.SALES.name(), line);
                    values.add(value);
                    send(SaleKeys.of(line), value);
                    if (random.nextDouble() < DUPLICATE_SHARE) {
                        int earlier = random.nextInt(i + 1);
                        send(SaleKeys.of(lines.get(earlier)), values.get(earlier));
                        duplicates.incrementAndGet();
                    }
                    sent.set(i + 1);
                }
                producer.flush();
                finished = System.nanoTime();
            }, sender);
        }

        private void send(String key, byte[] value) {
            producer.send(new ProducerRecord<>(Topics.SALES.name(), key, value), (metadata, error) -> {
                if (error != null) {
                    failures.add(key + ": " + error);
                }
            });
        }

        long seconds() {
            return (finished - started) / 1_000_000_000L;
        }

        @Override
        public void close() {
            sender.shutdown();
            producer.close(Duration.ofMinutes(1));
            serializer.close();
        }
    }

    /**
     * Waits until the group has committed some of the new burst and still has records to process: the moment to
     * kill it. Returns the records it has left.
     */
    private static long awaitMidRun(ConsumerLag lag, String group, long committedBefore) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            long left = lag.salesLag(group);
            if (lag.salesCommitted(group) > committedBefore && left > 0 && left != Long.MAX_VALUE) {
                return left;
            }
            assertThat(System.nanoTime()).as("%s processing the burst (lag %d)", group, left).isLessThan(deadline);
            ConsumerLag.sleep(Duration.ofMillis(20));
        }
    }

    /** A register ringing receipts one database transaction each, as the point of sale does. */
    private static void ring(Suite suite, List<Register.Receipt> receipts, AtomicInteger rung) {
        long started = System.nanoTime();
        try (Connection connection = suite.zmart().posDatabase().getConnection();
             Register register = new Register(connection)) {
            for (Register.Receipt receipt : receipts) {
                long wait = started + (long) (rung.get() * 1e9 / REGISTER_RATE) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                register.ring(receipt);
                rung.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The register failed after " + rung.get() + " receipts", e);
        }
    }

    /** Copies of each register line on zmart.sales, checked field by field against the receipt. */
    private static Map<String, Integer> registerLinesOnTopic(Suite suite, List<Sale> registerLines) {
        Map<String, Sale> wanted = new HashMap<>();
        registerLines.forEach(line -> wanted.put(SaleLines.lineId(line), line));
        Map<String, Integer> copies = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (copies.size() < wanted.size() && System.nanoTime() < deadline) {
            copies.clear();
            try (var deserializer = suite.deserializer(Topics.SALES)) {
                for (ConsumerRecord<byte[], byte[]> record : suite.readAll(Topics.SALES)) {
                    // Keyed by member when the receipt has one, so only the value tells a register's line apart.
                    Sale sale = deserializer.deserialize(Topics.SALES.name(), record.value());
                    if (!sale.getTransactionId().startsWith("cdc-ft-")) {
                        continue;
                    }
                    assertThat(new String(record.key(), StandardCharsets.UTF_8))
                            .as("key the connector gave register line %s", SaleLines.lineId(sale))
                            .isEqualTo(SaleKeys.of(sale));
                    Sale expected = wanted.get(SaleLines.lineId(sale));
                    assertThat(sale).as("register line %s as Debezium delivered it", SaleLines.lineId(sale))
                            .isEqualTo(expected);
                    copies.merge(SaleLines.lineId(sale), 1, Integer::sum);
                }
            }
            if (copies.size() < wanted.size()) {
                ConsumerLag.sleep(Duration.ofSeconds(2));
            }
        }
        return copies;
    }

    /** Waits until rewards, inventory and sales-trends have committed every record of zmart.sales (and their own). */
    private static void awaitCaughtUp(Suite suite) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long lastReport = 0;
        long fewestLeft = Long.MAX_VALUE;
        long lastProgress = System.nanoTime();
        try (ConsumerLag lag = new ConsumerLag(suite)) {
            while (true) {
                Map<String, Long> lags = new TreeMap<>();
                for (String group : GROUPS) {
                    lags.put(group, lag.salesLag(group));
                }
                if (lags.values().stream().allMatch(l -> l <= 50)
                        && Arrays.stream(GROUPS).allMatch(lag::caughtUp)) {
                    return;
                }
                if (System.nanoTime() - lastReport > 15_000_000_000L) {
                    log("catching up, records left: %s; sales-trends by topic: %s", lags,
                            lag.salesLagByTopic("zmart-sales-trends"));
                    lastReport = System.nanoTime();
                }
                long left = lags.values().stream().mapToLong(l -> Math.min(l, Integer.MAX_VALUE)).sum();
                if (left < fewestLeft) {
                    fewestLeft = left;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new AssertionError("No consumer made progress for " + STALL + "; left: " + lags
                            + ". The groups as they stand: " + StallReport.write(suite, lag, List.of(GROUPS)));
                }
                assertThat(System.nanoTime()).as("consumers caught up within %s; left: %s", CATCH_UP, lags)
                        .isLessThan(deadline);
                ConsumerLag.sleep(Duration.ofSeconds(2));
            }
        }
    }

    private static final String CAMPAIGN = "ft-campaign-" + Long.toString(SEED & 0xFFFFF, 36);

    private record Conversion(long receipts, long revenueCents) {
    }

    /** Coupon activations of every other customer of the catalog, for {@link #CAMPAIGN}; answers their ids. */
    private static Set<String> clickCoupons(Suite suite, Instant at) throws Exception {
        Set<String> clicked = new TreeSet<>();
        try (KafkaProducer<String, byte[]> producer = suite.producer();
             Serializer<ClickEvent> serializer = suite.serializer(Topics.CLICKS)) {
            List<StoreCatalog.Customer> customers = suite.catalog().customers();
            for (int i = 0; i < customers.size(); i += 2) {
                String customer = customers.get(i).id();
                clicked.add(customer);
                ClickEvent click = ClickEvent.newBuilder().setEventId("ft-click-" + customer).setCampaignId(CAMPAIGN)
                        .setCustomerId(customer).setSessionId("fault-tolerance").setAction(ClickAction.ACTIVATED_COUPON)
                        .setUrl("https://coupons.zmart.example/" + CAMPAIGN).setCouponCode(StoreCatalog.COUPON_CODE)
                        .setOccurredAt(at).build();
                producer.send(new ProducerRecord<>(Topics.CLICKS.name(), customer,
                        serializer.serialize(Topics.CLICKS.name(), click))).get();
            }
        }
        return clicked;
    }

    /** The campaign's figures as sales-trends answers them (null before its first conversion). */
    private static Conversion conversion(Suite suite) {
        JsonNode found = suite.getJsonOr404(SuiteService.SALES_TRENDS, "/api/campaigns/" + CAMPAIGN + "/conversion");
        return found == null ? null : new Conversion(found.get("conversionCount").asLong(),
                found.get("attributedRevenue").decimalValue().movePointRight(2).longValueExact());
    }

    /** Items that had no open reorder before and are below their reorder point now. */
    private static Set<String> crossings(Map<String, ActualFigures.Item> before, Map<String, ActualFigures.Item> after) {
        Set<String> crossings = new TreeSet<>();
        after.forEach((key, item) -> {
            if (before.get(key).openReorder() == null && item.onHand() < item.reorderPoint()) {
                crossings.add(key);
            }
        });
        return crossings;
    }

    /** Reorder ids on the topic now that were not there before, per item. */
    private static Map<String, Set<String>> newReorders(Map<String, Set<String>> now, Map<String, Set<String>> before) {
        Map<String, Set<String>> added = new TreeMap<>();
        now.forEach((item, ids) -> {
            Set<String> fresh = new TreeSet<>(ids);
            fresh.removeAll(before.getOrDefault(item, Set.of()));
            if (!fresh.isEmpty()) {
                added.put(item, fresh);
            }
        });
        return added;
    }

    /**
     * The coupons each member's recipient address must have received: one per threshold of rewards-service's
     * application.yml that the member's total points reached (totals only grow, so each threshold is crossed once).
     */
    private static Map<String, Long> couponsPerRecipient(Suite suite, Map<String, Rewards> totals) {
        Map<String, String> emailOfMember = new HashMap<>();
        suite.catalog().customers().forEach(customer -> customer.memberId()
                .ifPresent(member -> emailOfMember.put(member, customer.email())));
        Map<String, Long> coupons = new TreeMap<>();
        totals.forEach((member, rewards) -> {
            long reached = Arrays.stream(COUPON_THRESHOLDS).filter(threshold -> threshold <= rewards.points()).count();
            if (reached > 0) {
                coupons.put(Objects.requireNonNull(emailOfMember.get(member), member), reached);
            }
        });
        return coupons;
    }

    /**
     * The SMTP server's coupon emails: distinct Message-IDs per recipient, and how many arrived more than once. The
     * mailer sends before it records (ADR 0010): a kill between the two sends a poll's emails again, with the same
     * Message-ID, which mail clients treat as one email.
     */
    private static CouponEmails couponEmails(Suite suite) throws Exception {
        Map<String, java.util.Set<String>> ids = new TreeMap<>();
        long received = 0;
        for (MimeMessage message : suite.zmart().platform().smtp().orElseThrow().receivedMessages()) {
            ids.computeIfAbsent(SmtpServer.recipientOf(message), r -> new java.util.HashSet<>())
                    .add(message.getMessageID());
            received++;
        }
        Map<String, Long> coupons = new TreeMap<>();
        ids.forEach((recipient, messageIds) -> coupons.put(recipient, (long) messageIds.size()));
        return new CouponEmails(coupons, received - coupons.values().stream().mapToLong(Long::longValue).sum());
    }

    private record CouponEmails(Map<String, Long> coupons, long repeated) {
    }

    /** The keys whose values differ, as "key: actual=... expected=...", the first 20 and a count. */
    static <V> List<String> differences(Map<String, V> actual, Map<String, V> expected) {
        List<String> differences = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(actual.keySet());
        keys.addAll(expected.keySet());
        int count = 0;
        for (String key : keys) {
            if (!Objects.equals(actual.get(key), expected.get(key))) {
                if (count++ < 20) {
                    differences.add(key + ": actual=" + actual.get(key) + " expected=" + expected.get(key));
                }
            }
        }
        if (count > 20) {
            differences.add("... " + (count - 20) + " more");
        }
        return Collections.unmodifiableList(differences);
    }

    private static long secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    private static void log(String format, Object... arguments) {
        String line = String.format("[hardening] " + format + "%n", arguments);
        System.out.print(line);
        try {
            Files.writeString(PROGRESS, Instant.now() + " " + line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[hardening] cannot write " + PROGRESS + ": " + e);
        }
    }
}
