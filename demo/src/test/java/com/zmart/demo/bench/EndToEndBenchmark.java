package com.zmart.demo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import com.zmart.contracts.topic.Topics;
import com.zmart.demo.DemoOptions;
import com.zmart.demo.ZmartDemo;
import com.zmart.platform.PlatformOptions;
import com.zmart.sales.simulator.Register;
import com.zmart.sales.simulator.StoreCatalog;
import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.platform.smtp.SmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Benchmark (a {@code main} program, never run by the build) of all of ZMart as {@code bin/zmart-demo} runs it:
 * <ol>
 *   <li>time until everything is ready (platform, connectors, five services) and the resident memory of the whole
 *       (this JVM and every process it started), idle;</li>
 *   <li>point-of-sale commit → coupon email: receipts rung up at a steady rate through the register code path; one in
 *       {@code --crossing-every} is a member's purchase that crosses the first points threshold, and its delay is
 *       the first sight of its email in the SMTP server minus the receipt's database commit.</li>
 *   <li>point-of-sale commit → the trend row in the dashboard database (CDC, trends, sink), one probe receipt a
 *       second into a store the other phase leaves alone.</li>
 * </ol>
 * Usage: {@code EndToEndBenchmark [--rate 100] [--seconds 60] [--crossing-every 10] [--java-options "..."]}; the
 * services' JVM options default to the demo's ({@link DemoOptions#DEFAULT_JAVA_OPTIONS}).
 */
public final class EndToEndBenchmark {

    public static void main(String[] args) throws Exception {
        double rate = 100;
        int seconds = 60;
        int crossingEvery = 10;
        String javaOptions = DemoOptions.DEFAULT_JAVA_OPTIONS;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--crossing-every" -> crossingEvery = Integer.parseInt(args[i + 1]);
                case "--java-options" -> javaOptions = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("zmart-e2e-bench");
        long began = System.nanoTime();
        try (ZmartDemo zmart = ZmartDemo.start(new DemoOptions(PlatformOptions.forTests(data), 0, 0, 0, Duration.ZERO,
                javaOptions))) {
            double readySeconds = (System.nanoTime() - began) / 1e9;
            Thread.sleep(10_000); // settle: JIT, first rebalances
            long rssKib = residentKib();
            System.out.printf(Locale.ROOT, "BENCH ready in %.1f s, resident memory %,d MiB (services: %s)%n", readySeconds,
                    rssKib / 1024, javaOptions);

            Stages delays = commitToEmail(zmart, rate, seconds, crossingEvery);
            Histogram trendDelays = commitToTrendRow(zmart, seconds);
            System.out.println();
            System.out.println("| measure | result |");
            System.out.println("| --- | --- |");
            System.out.printf(Locale.ROOT, "| all of ZMart ready (platform, 5 connectors, 5 services), fresh data directory | %.1f s |%n", readySeconds);
            System.out.printf(Locale.ROOT, "| resident memory of all of ZMart, idle (this JVM + registry + PostgreSQL + 5 service JVMs) | %,d MiB |%n", rssKib / 1024);
            System.out.printf(Locale.ROOT, "| point-of-sale commit → coupon email, %.0f receipts/s for %d s, %d emails | %s |%n",
                    rate, seconds, delays.toEmail().getTotalCount(), percentiles(delays.toEmail()));
            System.out.printf(Locale.ROOT, "| ... of which commit → sale line on zmart.sales (Debezium, masking) | %s |%n",
                    percentiles(delays.toSale()));
            System.out.printf(Locale.ROOT, "| ... of which sale line → reward notification, read committed (rewards) | %s |%n",
                    percentiles(delays.saleToNotification()));
            System.out.printf(Locale.ROOT, "| ... of which notification → email in the SMTP server (mailer) | %s |%n",
                    percentiles(delays.notificationToEmail()));
            System.out.printf(Locale.ROOT, "| coupon emails of all members sent meanwhile (receipts start → last crossing's email) | %,d in %.1f s, %,.0f emails/s |%n",
                    delays.allEmails(), delays.emailSeconds(), delays.allEmails() / delays.emailSeconds());
            System.out.printf(Locale.ROOT, "| point-of-sale commit → its units in the dashboard database (sales_trends row), 1 probe receipt/s for %d s | p50 %,d ms, p99 %,d ms, max %,d ms |%n",
                    seconds, trendDelays.getValueAtPercentile(50), trendDelays.getValueAtPercentile(99),
                    trendDelays.getMaxValue());
        }
        System.exit(0);
    }

    private static String percentiles(Histogram histogram) {
        return String.format(Locale.ROOT, "p50 %,d ms, p99 %,d ms, max %,d ms", histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    /** The delay of each crossing receipt, in all and per stage. */
    private record Stages(Histogram toEmail, Histogram toSale, Histogram saleToNotification,
                          Histogram notificationToEmail, int allEmails, double emailSeconds) {
    }

    private static Stages commitToEmail(ZmartDemo zmart, double rate, int seconds, int crossingEvery) throws Exception {
        StoreCatalog catalog = zmart.registers().catalog();
        List<Customer> members = catalog.customers().stream().filter(c -> c.memberId().isPresent()).toList();
        List<Customer> everyone = catalog.customers();
        Product expensive = catalog.products().stream().max((a, b) -> a.unitPrice().compareTo(b.unitPrice())).orElseThrow();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        Map<String, String> emailOfMember = new ConcurrentHashMap<>();
        members.forEach(m -> emailOfMember.put(m.memberId().orElseThrow(), m.email()));
        StageWatcher stages = new StageWatcher(zmart.platform().bootstrapServers(), emailOfMember);
        Thread watcher = watchMailbox(zmart, seenAt);
        // Every member's coupons count, not only the crossings': the others' purchases cross thresholds too.
        int emailsBefore = zmart.platform().smtp().orElseThrow().receivedMessages().size();
        SplittableRandom random = new SplittableRandom(7);
        int total = (int) (rate * seconds);
        int crossings = 0;
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        try (Connection connection = zmart.posDatabase().getConnection(); Register register = new Register(connection)) {
            for (int i = 0; i < total; i++) {
                LockSupport.parkNanos(start + i * period - System.nanoTime());
                boolean crossing = i % crossingEvery == 0 && crossings < members.size();
                Customer customer = crossing ? members.get(crossings++) : anyoneButMembersStillToCross(everyone,
                        members.subList(crossings, members.size()), random);
                // A crossing: enough of the most expensive product for the first threshold (100 points).
                int quantity = crossing ? 1 + (int) (150 / Math.max(1, expensive.unitPrice().doubleValue())) : 1;
                Product product = crossing ? expensive : catalog.products().get(random.nextInt(catalog.products().size()));
                String transactionId = "bench-" + i;
                // The last store is the trend probe's (below).
                register.ring(new Register.Receipt(transactionId, catalog.stores().get(random.nextInt(catalog.stores().size() - 1)),
                        customer, List.of(new Register.Item(product, quantity)), List.of(false), Instant.now()));
                if (crossing && !committedAt.containsKey(customer.email())) {
                    committedAt.put(customer.email(), System.currentTimeMillis());
                }
            }
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (!seenAt.keySet().containsAll(committedAt.keySet()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        watcher.interrupt();
        stages.close();
        int allEmails = zmart.platform().smtp().orElseThrow().receivedMessages().size() - emailsBefore;
        Stages histograms = new Stages(new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3),
                allEmails, (System.nanoTime() - start) / 1e9);
        committedAt.forEach((email, committed) -> {
            Long seen = seenAt.get(email);
            Long sale = stages.saleSeenAt.get(email);
            Long notification = stages.notificationSeenAt.get(email);
            if (seen != null) {
                histograms.toEmail().recordValue(Math.max(0, seen - committed));
            }
            if (sale != null && notification != null && seen != null) {
                histograms.toSale().recordValue(Math.max(0, sale - committed));
                histograms.saleToNotification().recordValue(Math.max(0, notification - sale));
                histograms.notificationToEmail().recordValue(Math.max(0, seen - notification));
            }
        });
        if (histograms.toEmail().getTotalCount() < committedAt.size()) {
            System.out.printf("WARNING: %d of %d coupon emails arrived%n", histograms.toEmail().getTotalCount(),
                    committedAt.size());
        }
        return histograms;
    }

    /**
     * A random customer, but not a member whose crossing is still to come: a purchase of theirs could cross the
     * threshold first, and the crossing's delay would be measured from an email sent before it was rung up.
     */
    private static Customer anyoneButMembersStillToCross(List<Customer> everyone, List<Customer> stillToCross,
                                                         SplittableRandom random) {
        while (true) {
            Customer customer = everyone.get(random.nextInt(everyone.size()));
            if (!stillToCross.contains(customer)) {
                return customer;
            }
        }
    }

    /**
     * Stamps the first sight of each crossing's sale line on zmart.sales and of its reward notification (read
     * committed, as the mailer reads them), by the recipient's email. Starts at the topics' ends.
     */
    private static final class StageWatcher implements AutoCloseable {

        final Map<String, Long> saleSeenAt = new ConcurrentHashMap<>();
        final Map<String, Long> notificationSeenAt = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean stopped;

        StageWatcher(String bootstrapServers, Map<String, String> emailOfMember) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.SALES.name(), Topics.REWARD_NOTIFICATIONS.name())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = new Thread(() -> {
                try (consumer) {
                    while (!stopped) {
                        for (var record : consumer.poll(Duration.ofMillis(20))) {
                            long now = System.currentTimeMillis();
                            boolean sale = record.topic().equals(Topics.SALES.name());
                            // Both keyed by member (a sale line by its member, ADR 0005); a member still to cross
                            // buys nothing before the crossing, so its first line is the crossing's.
                            String email = emailOfMember.get(record.key());
                            if (email != null) {
                                (sale ? saleSeenAt : notificationSeenAt).putIfAbsent(email, now);
                            }
                        }
                    }
                }
            }, "stage-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join(5_000);
        }
    }

    /**
     * One receipt a second of one unit into a probe store and department; the delay is until the dashboard database's
     * 1-minute row of that store and department counts it (polled every 20 ms).
     */
    private static Histogram commitToTrendRow(ZmartDemo zmart, int seconds) throws Exception {
        StoreCatalog catalog = zmart.registers().catalog();
        StoreCatalog.Store store = catalog.stores().get(catalog.stores().size() - 1);
        Product product = catalog.products().get(0);
        Customer customer = catalog.customers().get(0);
        Histogram histogram = new Histogram(3);
        String sql = "SELECT coalesce(sum(units), 0) FROM sales_trends WHERE store_id = ? AND department = ? "
                + "AND window_kind = 'tumbling-1m' AND window_start >= now() - interval '1 hour'";
        try (Connection pos = zmart.posDatabase().getConnection(); Register register = new Register(pos);
             Connection dashboard = java.sql.DriverManager.getConnection(
                     zmart.platform().postgres().orElseThrow().jdbcUrl("dashboard"), "postgres", "");
             var query = dashboard.prepareStatement(sql)) {
            query.setString(1, store.id());
            query.setString(2, product.department());
            long expected = units(query);
            for (int i = 0; i < seconds; i++) {
                long started = System.currentTimeMillis();
                register.ring(new Register.Receipt("probe-" + i + "-" + started, store, customer,
                        List.of(new Register.Item(product, 1)), List.of(false), Instant.now()));
                long committed = System.currentTimeMillis();
                expected++;
                while (units(query) < expected && System.currentTimeMillis() - committed < 60_000) {
                    LockSupport.parkNanos(20_000_000);
                }
                histogram.recordValue(System.currentTimeMillis() - committed);
                LockSupport.parkNanos(Math.max(0, 1_000 - (System.currentTimeMillis() - started)) * 1_000_000);
            }
        }
        return histogram;
    }

    private static long units(java.sql.PreparedStatement query) throws java.sql.SQLException {
        try (var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Stamps the first sight of each recipient's first email (polling every 5 ms). New messages are told by
     * Message-ID (SmtpServer#newMessages), not by a position in the server's list.
     */
    private static Thread watchMailbox(ZmartDemo zmart, Map<String, Long> seenAt) {
        Thread watcher = new Thread(() -> {
            Set<Object> handled = new HashSet<>();
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.currentTimeMillis();
                for (MimeMessage message : zmart.platform().smtp().orElseThrow().newMessages(handled)) {
                    seenAt.putIfAbsent(SmtpServer.recipientOf(message), now);
                }
                LockSupport.parkNanos(5_000_000);
            }
        }, "mailbox-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /** Resident set size of this JVM and every process it started, from /proc (Linux). */
    private static long residentKib() throws IOException {
        List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        long total = 0;
        for (long pid : pids) {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            if (Files.isReadable(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            }
        }
        return total;
    }
}
