package com.zmart.rewards.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.zmart.bench.web.BareEndpoint;
import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.Sale;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.PlatformOptions;
import com.zmart.rewards.RewardsApplication;
import com.zmart.rewards.RewardsFixtures;
import com.zmart.rewards.mail.CouponMailer;
import com.zmart.rewards.topology.RewardsTopology;
import com.zmart.streams.runtime.ManagedKafkaStreams;
import com.zmart.platform.smtp.SmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Benchmark (a {@code main} program, never run by surefire or failsafe) of the rewards service on its own platform:
 * <ol>
 *   <li>raw consume rate of {@code zmart.sales} with Kafka's {@code ConsumerPerformance}, same records, same run;</li>
 *   <li>sales per second the service processes (exactly-once) from a backlog of the same records, first in a fresh
 *   JVM (the compilers at work beside it), then from a backlog of as many sales written while the service was paused,
 *   after {@code --warm-up-backlogs} such backlogs;</li>
 *   <li>delay from sale record to coupon email at a steady rate (each sale crosses a member's first threshold);</li>
 *   <li>lookup throughput and latency with wrk against {@code GET /api/rewards/{memberId}}, then against a constant
 *   answer on the same server ({@link BareEndpoint}): the web stack's own ceiling on this machine.</li>
 * </ol>
 * Usage: {@code RewardsBenchmark [--sales N] [--members N] [--email-rate N] [--email-seconds N] [--wrk-seconds N]
 * [--warm-up-seconds N] [--warm-up-backlogs N]}.
 */
public final class RewardsBenchmark {

    /** Lookups need a key: the measured figure includes checking it, as in production. */
    private static final String API_KEY = "rewards-bench-key-0123456789";
    /** Where sales not keyed by their member are re-keyed (the application id is the service's default). */
    private static final String REPARTITION = "zmart-rewards-" + RewardsTopology.SALES_BY_MEMBER + "-repartition";

    private int sales = 100_000;
    private int members = 5_000;
    private int emailRate = 100;
    private int emailSeconds = 30;
    private int wrkSeconds = 20;
    /** Of each lookup path, before measuring: on two cores the C2 compiler needs about this long under load. */
    private int warmUpSeconds = 30;
    /** Backlogs processed after the first before the measured one: two were as many as the compilers needed. */
    private int warmUpBacklogs = 2;

    public static void main(String[] args) throws Exception {
        RewardsBenchmark benchmark = new RewardsBenchmark();
        for (int i = 0; i < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--sales" -> benchmark.sales = value;
                case "--members" -> benchmark.members = value;
                case "--email-rate" -> benchmark.emailRate = value;
                case "--email-seconds" -> benchmark.emailSeconds = value;
                case "--wrk-seconds" -> benchmark.wrkSeconds = value;
                case "--warm-up-seconds" -> benchmark.warmUpSeconds = value;
                case "--warm-up-backlogs" -> benchmark.warmUpBacklogs = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        benchmark.run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = Files.createTempDirectory("zmart-rewards-bench");
        try (LocalPlatform platform = LocalPlatform.start(PlatformOptions.forTests(data).withComponents(false, false, true))) {
            // The fresh backlog, the warm-up ones, the measured one, and one more with the coupon mailer at work.
            int backlogs = 3 + warmUpBacklogs;
            List<LoyaltyMember> loyal = new ArrayList<>();
            for (int m = 0; m < backlogs * members; m++) {
                loyal.add(RewardsFixtures.member(member(m), member(m) + "@example.com"));
            }
            publishMembers(platform, loyal);
            produce(platform, backlog(0));
            String raw = consumerPerformance(platform);
            System.out.println("BENCH raw consume: " + raw);
            try (ConfigurableApplicationContext rewards = startRewards(platform, data)) {
                // From RUNNING (tasks assigned, empty stores: nothing to restore) to the last sale committed.
                long start = System.nanoTime();
                awaitCommitted(platform, sales);
                double coldSeconds = seconds(start, 0);
                // The same backlog again, each time for other members, the service paused while it is written:
                // once the compilers are done, this is the design's own cost per sale.
                KafkaStreams streams = rewards.getBean(ManagedKafkaStreams.class).streams();
                MessageListenerContainer mailer = mailer(rewards);
                double seconds = 0;
                double withMailerSeconds = 0;
                for (int next = 1; next < backlogs; next++) {
                    // The previous backlog's coupons sent: each pass mails only its own.
                    mailer.start();
                    awaitQuietMailbox(platform);
                    boolean withMailer = next == backlogs - 1;
                    if (!withMailer) {
                        mailer.stop();
                    }
                    streams.pause();
                    produce(platform, backlog(next));
                    start = System.nanoTime();
                    streams.resume();
                    awaitCommitted(platform, (next + 1L) * sales);
                    if (withMailer) {
                        withMailerSeconds = seconds(start, next);
                    } else {
                        seconds = seconds(start, next);
                    }
                }
                System.out.printf("BENCH re-keyed by the repartition topic (records and commit markers): %d%n",
                        repartitionEnd(platform));
                Histogram emailDelay = emailDelays(platform);
                int port = ((WebServerApplicationContext) rewards).getWebServer().getPort();
                // Both paths warmed first: which one runs first on a cold web stack changed the figures by half.
                wrk(port, "/api/rewards/", warmUpSeconds);
                wrk(port, BareEndpoint.PATH, warmUpSeconds);
                String wrk = wrk(port, "/api/rewards/", wrkSeconds);
                String bare = wrk(port, BareEndpoint.PATH, wrkSeconds);

                System.out.println();
                System.out.println("| measure | result |");
                System.out.println("| --- | --- |");
                System.out.printf(Locale.ROOT, "| ConsumerPerformance on zmart.sales (%,d records) | %s |%n", sales, raw);
                System.out.printf(Locale.ROOT, "| rewards service, backlog of %,d sales, first in a fresh JVM (RUNNING to all committed, exactly-once; coupon mailer stopped) | %,.0f sales/s (%.1f s) |%n",
                        sales, sales / coldSeconds, coldSeconds);
                System.out.printf(Locale.ROOT, "| the same after %d backlogs of warm-up (resumed to all committed; coupon mailer stopped) | %,.0f sales/s (%.1f s) |%n",
                        warmUpBacklogs, sales / seconds, seconds);
                System.out.printf(Locale.ROOT, "| the next backlog with the coupon mailer sending its %,d coupons to the in-process SMTP server | %,.0f sales/s (%.1f s) |%n",
                        members, sales / withMailerSeconds, withMailerSeconds);
                System.out.printf(Locale.ROOT, "| sale record → coupon email at %d sales/s for %d s (%d emails) | p50 %d ms, p99 %d ms, max %d ms |%n",
                        emailRate, emailSeconds, emailDelay.getTotalCount(), emailDelay.getValueAtPercentile(50),
                        emailDelay.getValueAtPercentile(99), emailDelay.getMaxValue());
                System.out.printf(Locale.ROOT, "| wrk GET /api/rewards/{memberId}, 2 threads, 32 connections, %d s | %s |%n", wrkSeconds, wrk);
                System.out.printf(Locale.ROOT, "| the same against a constant answer on the same server and security chain (%s{memberId}, no store) | %s |%n",
                        BareEndpoint.PATH, bare);
            }
        }
    }

    /** The n-th backlog: {@code sales} sales of one line each, over its own {@code members} members. */
    private List<Sale> backlog(int n) {
        List<Sale> backlog = new ArrayList<>(sales);
        for (int i = 0; i < sales; i++) {
            backlog.add(RewardsFixtures.sale("bench-%d-%d".formatted(n, i), 1, member(n * members + i % members),
                    "12.00", 1).build());
        }
        return backlog;
    }

    private double seconds(long start, int backlog) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH backlog %d: %d sales in %.1f s (%,.0f sales/s)%n", backlog, sales, seconds,
                sales / seconds);
        return seconds;
    }

    private static String member(int m) {
        return "bench-member-%06d".formatted(m);
    }

    /**
     * The service's coupon mailer. It is stopped while the Streams application works through a backlog, except for the
     * last one: the SMTP server receiving its emails runs in this JVM, on the same two cores, where a deployment has
     * it elsewhere. Stopped, not paused: a paused container polls without waiting (the mailer's error handling wants
     * that, {@code CouponMailerConfiguration}), so its consumers would spin.
     */
    private static MessageListenerContainer mailer(ConfigurableApplicationContext rewards) {
        return rewards.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(CouponMailer.LISTENER_ID);
    }

    private ConfigurableApplicationContext startRewards(LocalPlatform platform, Path data) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RewardsApplication.class, BareEndpoint.class).run(
                "--server.port=0", "--zmart.rewards.bootstrap-servers=" + platform.bootstrapServers(),
                "--zmart.rewards.registry-url=" + platform.registry().apiV3Url(),
                "--zmart.rewards.state-dir=" + data.resolve("rewards-state"),
                "--spring.mail.port=" + platform.smtp().orElseThrow().port(),
                "--zmart.security.api-keys=" + API_KEY,
                "--logging.level.com.zmart=WARN");
        mailer(context).stop();
        ManagedKafkaStreams streams = context.getBean(ManagedKafkaStreams.class);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            sleep(50);
        }
        return context;
    }

    /**
     * Waits until the service's consumer group committed every sale and every record of its repartition topic (sales
     * not keyed by their member are counted after it; a transaction's offsets commit with its output).
     */
    private void awaitCommitted(LocalPlatform platform, long expected) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("zmart-rewards")
                        .partitionsToOffsetAndMetadata().get();
                long sales = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.SALES.name()))
                        .mapToLong(e -> e.getValue().offset()).sum();
                if (sales >= expected && repartitionCommitted(admin, committed)) {
                    return;
                }
                sleep(100);
            }
        }
    }

    /** The sum of the repartition topic's end offsets: zero when every sale arrived keyed by its member. */
    private static long repartitionEnd(LocalPlatform platform) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            return repartitionEnds(admin).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every partition of the repartition topic committed up to its end (its last commit marker need not be passed). */
    private static boolean repartitionCommitted(Admin admin, Map<TopicPartition, OffsetAndMetadata> committed)
            throws Exception {
        return repartitionEnds(admin).entrySet().stream().allMatch(end -> end.getValue() == 0
                || (committed.get(end.getKey()) != null
                && committed.get(end.getKey()).offset() >= end.getValue() - 1));
    }

    private static Map<TopicPartition, Long> repartitionEnds(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < Topics.SALES.partitions(); partition++) {
            latest.put(new TopicPartition(REPARTITION, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
        return ends;
    }

    /** Sales that each take a new member over the first threshold; delay = first sight of the email - send time. */
    private Histogram emailDelays(LocalPlatform platform) throws Exception {
        int count = emailRate * emailSeconds;
        List<LoyaltyMember> loyal = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String member = "bench-email-%06d".formatted(i);
            loyal.add(RewardsFixtures.member(member, member + "@example.com"));
        }
        publishMembers(platform, loyal);
        sleep(2_000); // the members reach every instance's global table
        // The backlog's own coupons (one per member) are emailed first; measure on an idle mailer.
        Set<Object> handled = awaitQuietMailbox(platform);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        // New messages are told by Message-ID (SmtpServer#newMessages), not by a position in the list.
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.currentTimeMillis();
                for (MimeMessage message : platform.smtp().orElseThrow().newMessages(handled)) {
                    String to = SmtpServer.recipientOf(message);
                    seenAt.putIfAbsent(to.substring(0, to.indexOf('@')), now);
                }
                sleep(5);
            }
        }, "email-watcher");
        watcher.start();
        Properties config = producerConfig(platform);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                TopicSerdes.registry(platform.registry().apiV3Url()).valueSerializer(Topics.SALES))) {
            long periodNanos = 1_000_000_000L / emailRate;
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String member = "bench-email-%06d".formatted(i);
                Sale sale = RewardsFixtures.sale("bench-email-" + i, 1, member, "150.00", 1)
                        .setUnitPrice(new BigDecimal("150.00")).setPurchasedAt(Instant.now()).build();
                sentAt.put(member, System.currentTimeMillis());
                producer.send(new ProducerRecord<>(Topics.SALES.name(), SaleKeys.of(sale), sale));
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    sleep(wait / 1_000_000);
                }
            }
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (histogramSize(sentAt, seenAt) < count && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        watcher.interrupt();
        Histogram histogram = new Histogram(3);
        sentAt.forEach((member, sent) -> {
            Long seen = seenAt.get(member);
            if (seen != null) {
                histogram.recordValue(Math.max(0, seen - sent));
            }
        });
        if (histogram.getTotalCount() < count) {
            System.out.printf("WARNING: only %d of %d coupon emails arrived%n", histogram.getTotalCount(), count);
        }
        return histogram;
    }

    private static long histogramSize(Map<String, Long> sentAt, Map<String, Long> seenAt) {
        return sentAt.keySet().stream().filter(seenAt::containsKey).count();
    }

    /** Waits until no email arrived for 3 s; returns the keys of those that did. */
    private static Set<Object> awaitQuietMailbox(LocalPlatform platform) {
        int seen = -1;
        List<MimeMessage> received = platform.smtp().orElseThrow().receivedMessages();
        while (received.size() != seen) {
            seen = received.size();
            sleep(3_000);
            received = platform.smtp().orElseThrow().receivedMessages();
        }
        Set<Object> keys = new HashSet<>();
        platform.smtp().orElseThrow().newMessages(keys);
        return keys;
    }

    private String consumerPerformance(LocalPlatform platform) throws Exception {
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", platform.bootstrapServers(), "--topic", Topics.SALES.name(),
                "--messages", Integer.toString(sales), "--timeout", "60000")
                .redirectErrorStream(true).start();
        List<String> lines;
        try (var out = new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        tool.waitFor();
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        String csv = lines.stream().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("ConsumerPerformance printed: " + lines));
        String[] fields = csv.split(",\\s*");
        System.out.println("BENCH ConsumerPerformance: " + csv);
        // fetch.nMsg.sec and fetch.MB.sec: the consume rate without the group join.
        return "%,.0f records/s (%s MB/s)".formatted(Double.parseDouble(fields[9]), fields[8]);
    }

    private String wrk(int port, String pathBeforeMember, int seconds) throws Exception {
        Path script = Files.createTempFile("rewards-lookup", ".lua");
        Files.writeString(script, """
                math.randomseed(42)
                request = function()
                  return wrk.format("GET", string.format("%sbench-member-%%06d", math.random(0, %d)),
                                    { ["X-API-Key"] = "%s" })
                end
                """.formatted(pathBeforeMember, members - 1, API_KEY));
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency", "-s", script.toString(),
                "http://127.0.0.1:" + port).redirectErrorStream(true).start();
        String output;
        try (var out = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
            output = out.lines().collect(Collectors.joining("\n"));
        }
        wrk.waitFor();
        Map<String, String> figures = new HashMap<>();
        output.lines().map(String::trim).forEach(line -> {
            if (line.startsWith("Requests/sec:")) {
                figures.put("rps", line.substring("Requests/sec:".length()).trim());
            } else if (line.startsWith("50%")) {
                figures.put("p50", line.substring(3).trim());
            } else if (line.startsWith("99%")) {
                figures.put("p99", line.substring(3).trim());
            } else if (line.startsWith("Non-2xx")) {
                figures.put("errors", line);
            }
        });
        if (!figures.containsKey("rps")) {
            throw new IllegalStateException("wrk printed: " + output);
        }
        return "%s req/s, p50 %s, p99 %s%s".formatted(figures.get("rps"), figures.get("p50"), figures.get("p99"),
                figures.containsKey("errors") ? " (" + figures.get("errors") + ")" : "");
    }

    private void produce(LocalPlatform platform, List<Sale> records) throws Exception {
        try (var producer = new KafkaProducer<>(producerConfig(platform), new StringSerializer(),
                TopicSerdes.registry(platform.registry().apiV3Url()).valueSerializer(Topics.SALES))) {
            for (Sale sale : records) {
                producer.send(new ProducerRecord<>(Topics.SALES.name(), SaleKeys.of(sale), sale));
            }
            producer.flush();
        }
    }

    private static void publishMembers(LocalPlatform platform, List<LoyaltyMember> loyal) {
        try (var producer = new KafkaProducer<>(producerConfig(platform), new StringSerializer(),
                TopicSerdes.registry(platform.registry().apiV3Url()).valueSerializer(Topics.LOYALTY_MEMBERS))) {
            loyal.forEach(m -> producer.send(new ProducerRecord<>(Topics.LOYALTY_MEMBERS.name(), m.getMemberId(), m)));
        }
    }

    private static Properties producerConfig(LocalPlatform platform) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
