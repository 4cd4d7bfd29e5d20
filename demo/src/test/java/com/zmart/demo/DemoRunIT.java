package com.zmart.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.zmart.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo as a user runs it: {@code bin/zmart-demo}'s command line in a JVM of its own, from the same classes and
 * classpath file the script uses, with its logging configuration, on free ports. Within five minutes of its start
 * every part of the story has happened (reorders and restocks included); a service killed with SIGKILL from outside
 * is reported on the console and comes back; the mailbox folder holds each coupon the rewards service sent exactly
 * once; SIGTERM stops every process within 10 s; and the console has no warning or error but those named here.
 * The demo is {@link DemoCommandLine}'s, started once for this test and {@link ZmartStoryIT} (which runs first, with a
 * member, a campaign and a stock of its own, after the simulators' story this test counts).
 */
@ExtendWith(DemoCommandLine.class)
@Order(2) // after ZmartStoryIT: this test stops the demo both use
class DemoRunIT {

    /** Normal stop, the requirement's bound: every process gone within 10 s of SIGTERM. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(10);
    private static final Duration RESTART_WAIT = Duration.ofMinutes(4);
    private static final Pattern PROGRESS = DemoCommandLine.PROGRESS;
    private static final Pattern WARNING = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d(\\.\\d+)? +(WARN|ERROR) ");

    /**
     * The warnings and errors the console may show in this run, each with its reason. Anything else at WARN or ERROR
     * (or a stack trace) fails the test: the user would have to wonder about it.
     */
    private static final Map<Pattern, String> ALLOWED = Map.of(
            Pattern.compile("WARN +rewards exited unexpectedly: killed by SIGKILL \\(exit 137\\)\\. Its log: .*rewards\\.log\\."
                    + " Starting it again in 1 s\\.$"),
            "this test killed rewards: the supervisor's report is what the user must see");

    private static final Path data = DemoCommandLine.data;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DemoCommandLine.Running running;
    private static Process demo;
    private static Instant started;

    @BeforeAll
    static void theDemo(DemoCommandLine.Running running) {
        DemoRunIT.running = running;
        demo = running.process();
        started = running.started();
    }

    @Test
    void theWholeStorySupervisedWithACleanConsoleAndAQuickStop() throws Exception {
        // 1. Every part of the story, reorders and restocks included, on the progress line within five minutes.
        assertThat(running.awaitEveryPartOfTheStory()).isBefore(started.plus(DemoCommandLine.STORY_DEADLINE));
        assertThat(lastProgress().orElseThrow().group(8)).as("dead-lettered").isEqualTo("0");

        // 2. rewards killed from outside with SIGKILL: reported at once, started again, ready.
        ProcessHandle rewards = serviceJvm("rewards-service");
        int linesBefore = consoleLines().size();
        rewards.destroyForcibly();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> consoleLines().stream()
                .skip(linesBefore).anyMatch(line -> line.contains("rewards exited unexpectedly: killed by SIGKILL")));
        await().atMost(RESTART_WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> consoleLines().stream()
                .skip(linesBefore).anyMatch(line -> line.contains("rewards is running again")));
        assertThat(serviceJvm("rewards-service").pid()).isNotEqualTo(rewards.pid());
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url("rewards API (OpenAPI UI)") + "/actuator/health/readiness")
                .normalize()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> consoleLines().stream().skip(linesBefore)
                .anyMatch(line -> line.contains("up: ") && !line.contains("restarting: ")));

        // 3. The mailbox against the coupons the rewards service sent (its ledger, zmart.coupon-emails, written after
        // each send), while the simulators go on: every coupon on the ledger gets its file, no coupon has two, and
        // every file is a coupon the ledger gets.
        Set<String> sent = sentCoupons();
        assertThat(sent).as("coupons sent, rewards' restart included").isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mailboxCoupons().containsAll(sent));
        List<String> mailbox = mailboxCoupons();
        assertThat(mailbox).as("coupons in the mailbox folder").doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> sentCoupons().containsAll(mailbox));

        // 4. SIGTERM: "stopping" at once, no progress after it, every process gone within the bound, a last line.
        // PostgreSQL is not under the demo's JVM (pg_ctl starts it as a daemon), but its command line names the data.
        List<ProcessHandle> tree = new ArrayList<>(demo.descendants().toList());
        tree.add(demo.toHandle());
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(data.toString()))
                .forEach(tree::add);
        assertThat(tree).as("PostgreSQL among the processes").anyMatch(p -> p.info().command().orElse("").endsWith("/postgres"));
        int beforeStop = consoleLines().size();
        Instant signalled = Instant.now();
        new ProcessBuilder("kill", "-TERM", Long.toString(demo.pid())).start().waitFor();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> consoleLines().stream().skip(beforeStop).anyMatch(line -> line.equals("Stopping ZMart...")));
        await().atMost(STOP_BOUND.minus(Duration.between(signalled, Instant.now()))).pollInterval(Duration.ofMillis(100))
                .until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
        List<String> afterStop = consoleLines().subList(beforeStop, consoleLines().size()).stream()
                .dropWhile(line -> !line.equals("Stopping ZMart...")).toList();
        assertThat(afterStop).noneMatch(line -> PROGRESS.matcher(line).find());
        assertThat(afterStop.get(afterStop.size() - 1)).matches("ZMart stopped in \\d+ s: every process it started has exited\\.");

        // 5. The console: no warning, error or stack trace but the ones allowed above.
        assertThat(consoleLines()).as("console lines at WARN or ERROR, or stack traces, that nobody named")
                .filteredOn(DemoRunIT::needsAttention)
                .filteredOn(line -> ALLOWED.keySet().stream().noneMatch(allowed -> allowed.matcher(line).find()))
                .isEmpty();
    }

    private static boolean needsAttention(String line) {
        return WARNING.matcher(line).find() || line.startsWith("\tat ") || line.contains("Exception")
                || line.startsWith("Caused by");
    }

    // --- the console ---

    private static List<String> consoleLines() {
        return running.consoleLines();
    }

    private static java.util.Optional<Matcher> lastProgress() {
        return running.lastProgress();
    }

    private static String url(String name) {
        return running.url(name);
    }

    private static ProcessHandle serviceJvm(String module) {
        return demo.descendants().filter(p -> p.info().commandLine().orElse("").contains("/" + module + "-")
                && p.info().command().orElse("").endsWith("/java")).findFirst()
                .orElseThrow(() -> new AssertionError("No JVM of " + module));
    }

    // --- coupons ---

    private static List<String> mailboxCoupons() throws IOException {
        List<String> coupons = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("mailbox"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("X-ZMart-Coupon: "))
                        .findFirst().ifPresent(header -> coupons.add(header.substring("X-ZMart-Coupon: ".length()).strip()));
            }
        }
        return coupons;
    }

    /** The coupon codes on the rewards mailer's ledger (keyed by coupon code). */
    private static Set<String> sentCoupons() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, url("Kafka"));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> coupons = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COUPON_EMAILS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    coupons.add(record.key());
                }
            }
        }
        return coupons;
    }
}
