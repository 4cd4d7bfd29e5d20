package com.zmart.trends.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zmart.contracts.topic.Topics;
import com.zmart.platform.process.Directories;
import com.zmart.streams.error.DeadLetterPublisher;
import com.zmart.streams.runtime.StreamThreadProducers;
import com.zmart.streams.runtime.StreamsRuntimeSettings;
import com.zmart.streams.topic.StreamsTopics;
import com.zmart.trends.config.AttributionProperties;
import com.zmart.trends.config.SalesTrendsProperties;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.trends.runtime.EvenPartitionProgress;
import com.zmart.trends.topology.SalesTrendsTopology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Aggregation throughput of the sales-trends topology (exactly-once, production windows and attribution) against the
 * raw consume rate of the same topic measured by Kafka's own {@code ConsumerPerformance}, in the same run, on the same
 * platform and cores.
 *
 * <p>Starts the platform in a JVM of its own ({@link PlatformProcess}), loads N sale lines into {@code zmart.sales},
 * runs ConsumerPerformance over them (a separate JVM, as the tool runs), then starts the topology from the beginning
 * of the topic and times it until its consumer group has committed every record of every input and repartition topic,
 * i.e. until every line is in the windowed aggregates and attribution stores and their output is committed. Then the same again in the warm JVM, and a baseline topology
 * (source, repartition, count: {@link BaselineTopology}) that shows what Kafka Streams itself reaches on this platform.
 * Usage: {@code SalesTrendsBenchmark [lines] [stream threads]}; {@code -Dbench.baseline-first=true} also runs the
 * baseline first, in the fresh JVM.
 */
public final class SalesTrendsBenchmark {

    private static final String APPLICATION_ID = "sales-trends-bench";
    private static final String SECOND_APPLICATION_ID = "sales-trends-bench-second";
    private static final String BASELINE_APPLICATION_ID = "sales-trends-bench-baseline";

    private SalesTrendsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path data = Files.createTempDirectory("sales-trends-bench-");
        int status = 1;
        try (PlatformProcess platform = PlatformProcess.start(data.resolve("platform"))) {
            status = run(platform, data, lines, threads);
        } finally {
            Directories.deleteTree(data);
        }
        System.exit(status);
    }

    private static int run(PlatformProcess platform, Path data, long lines, int threads) throws Exception {
        log("Writing %,d sale lines to %s".formatted(lines, Topics.SALES.name()));
        long written = SalesLoad.write(platform.bootstrapServers(), platform.registryUrl(), lines,
                Instant.parse("2025-03-01T08:00:00Z"));

        log("ConsumerPerformance over the same records");
        String[] raw = consumerPerformance(platform.bootstrapServers(), written);

        log("Sales-trends topology, %d stream thread(s), exactly-once".formatted(threads));
        boolean baselineFirst = Boolean.getBoolean("bench.baseline-first");
        Result coldBaseline = null;
        if (baselineFirst) {
            // The ceiling with a cold JVM, when asked: then the trends' first pass below runs in a JVM it warmed.
            log("Baseline topology (source, repartition, count) first, in the fresh JVM");
            coldBaseline = runTopology(platform, data.resolve("state-baseline-cold"), threads,
                    BASELINE_APPLICATION_ID + "-cold", true);
        }
        Result topology = runTopology(platform, data.resolve("state"), threads, APPLICATION_ID, false);
        // A service runs for days: its JIT-compiled code is warm. The first pass pays for compiling the topology, the
        // clients and the in-process broker (the C2 compiler thread took most of a core in the first pass); a second
        // application over the same records, in the same JVM, shows the warm rate.
        log("Again, as a second application in the same (now warm) JVM");
        Result warm = runTopology(platform, data.resolve("state-second"), threads, SECOND_APPLICATION_ID, false);
        log("Baseline topology (source, repartition, count) in the same warm JVM");
        Result baseline = runTopology(platform, data.resolve("state-baseline"), threads, BASELINE_APPLICATION_ID, true);

        System.out.printf("%n| measure (%,d sale lines, 2 cores) | records/s | elapsed |%n| --- | --- | --- |%n", written);
        System.out.printf("| ConsumerPerformance, raw consume of `%s` (nMsg.sec / fetch.nMsg.sec) | %s / %s | %s ms fetch |%n",
                Topics.SALES.name(), raw[5].trim(), raw[9].trim(), raw[7].trim());
        System.out.printf("| sales-trends topology, start to all committed | %,.0f | %,d ms |%n",
                written * 1000.0 / topology.fromStartMs(), topology.fromStartMs());
        System.out.printf("| sales-trends topology, RUNNING to all committed | %,.0f | %,d ms |%n",
                written * 1000.0 / topology.fromRunningMs(), topology.fromRunningMs());
        System.out.printf("| sales-trends topology, second application in the warm JVM, RUNNING to all committed | %,.0f | %,d ms |%n",
                written * 1000.0 / warm.fromRunningMs(), warm.fromRunningMs());
        if (coldBaseline != null) {
            System.out.printf("| baseline topology (source, repartition by store, count), first in the fresh JVM, RUNNING to all committed | %,.0f | %,d ms |%n",
                    written * 1000.0 / coldBaseline.fromRunningMs(), coldBaseline.fromRunningMs());
        }
        System.out.printf("| baseline topology (source, repartition by store, count), warm JVM, RUNNING to all committed | %,.0f | %,d ms |%n",
                written * 1000.0 / baseline.fromRunningMs(), baseline.fromRunningMs());
        System.out.printf("%nRatio to ConsumerPerformance's nMsg.sec: first pass %.2f, warm %.2f%n",
                written * 1000.0 / topology.fromRunningMs() / Double.parseDouble(raw[5].trim()),
                written * 1000.0 / warm.fromRunningMs() / Double.parseDouble(raw[5].trim()));
        System.out.printf("Ratio of the warm trends to the warm baseline topology: %.2f%n",
                (double) baseline.fromRunningMs() / warm.fromRunningMs());
        System.out.printf("%nRecords dropped by the topology (Streams' dropped-records-total plus late-sale-lines-dropped-total, too late for a window): %,d%n",
                topology.droppedRecords() + warm.droppedRecords());
        return 0;
    }

    /** Runs {@code org.apache.kafka.tools.ConsumerPerformance} in its own JVM; answers its CSV figures. */
    private static String[] consumerPerformance(String bootstrapServers, long records) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process tool = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrapServers,
                "--topic", Topics.SALES.name(), "--messages", Long.toString(records), "--timeout", "60000",
                "--group", "sales-trends-bench-raw")
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(tool.getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().forEach(output::add);
        }
        if (tool.waitFor() != 0) {
            throw new IllegalStateException("ConsumerPerformance failed: " + String.join("\n", output));
        }
        // Header "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ..." then figures.
        String figures = output.stream().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("No figures from ConsumerPerformance: " + output));
        log("ConsumerPerformance: " + figures);
        return figures.split(",");
    }

    /** The thread count, plus any Streams settings given as -Dbench.streams=key=value,key=value (to compare them). */
    private static Map<String, String> streamsOverrides(int threads) {
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
        for (String setting : System.getProperty("bench.streams", "").split(",")) {
            if (!setting.isBlank()) {
                overrides.put(setting.substring(0, setting.indexOf('=')).trim(),
                        setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        log("Streams overrides: " + overrides);
        return overrides;
    }

    private static Result runTopology(PlatformProcess platform, Path stateDir, int threads, String applicationId,
                                      boolean baseline) throws Exception {
        SalesTrendsProperties properties = properties(platform, stateDir, applicationId);
        StreamsRuntimeSettings settings = new StreamsRuntimeSettings(applicationId, platform.bootstrapServers(),
                stateDir.toString(), 1, Topics.SALES_TRENDS_DLT.name(), null,
                EvenPartitionProgress.withOverrides(streamsOverrides(threads)));
        CountDownLatch running = new CountDownLatch(1);
        try (DeadLetterPublisher deadLetters = settings.deadLetterPublisher();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            Properties config = settings.streamsProperties(new HostInfo("127.0.0.1", 1), deadLetters);
            StreamsTopics topics = StreamsTopics.registry(platform.registryUrl());
            KafkaStreams streams = new KafkaStreams(baseline ? BaselineTopology.build(topics)
                    : SalesTrendsTopology.buildTopology(properties, topics), config,
                    new StreamThreadProducers(deadLetters));
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            long start = System.nanoTime();
            streams.start();
            running.await(2, TimeUnit.MINUTES);
            long runningAt = System.nanoTime();
            long nextTrace = runningAt;
            while (!allCommitted(admin, applicationId, System.nanoTime() >= nextTrace)) {
                if (System.nanoTime() >= nextTrace) {
                    logConsumed(streams, applicationId);
                    nextTrace = System.nanoTime() + 1_000_000_000L;
                }
                Thread.sleep(200);
            }
            long done = System.nanoTime();
            double dropped = streams.metrics().entrySet().stream()
                    .filter(m -> m.getKey().name().equals("dropped-records-total")
                            || m.getKey().name().equals("late-sale-lines-dropped-total"))
                    .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum();
            printTimeBreakdown(streams, (done - runningAt) / 1_000_000);
            printInternalTopicOffsets(admin, applicationId);
            printOutputRecords(streams, applicationId);
            streams.close(Duration.ofSeconds(30));
            return new Result((done - start) / 1_000_000, (done - runningAt) / 1_000_000, (long) dropped);
        }
    }

    /**
     * Where the stream threads' time went: the clients' blocking totals (producer flushes and transaction commits,
     * consumer commits), Streams' blocked time, and how many commits it took.
     */
    private static void printTimeBreakdown(KafkaStreams streams, long elapsedMs) {
        Map<String, Double> totals = new java.util.TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            if ((name.name().endsWith("-time-ns-total") || name.name().equals("commit-total")
                    || name.name().equals("process-total") || name.name().equals("punctuate-total"))
                    && metric.metricValue() instanceof Number value) {
                totals.merge(name.group() + " " + name.name(), value.doubleValue(), Double::sum);
            }
        });
        log("Time of the stream threads over %,d ms (ns totals in ms):".formatted(elapsedMs));
        totals.forEach((name, value) -> {
            if (value > 0) {
                log("  %s: %,.0f".formatted(name, name.endsWith("-ns-total") ? value / 1e6 : value));
            }
        });
    }

    /** What the stream threads' consumers have read so far, per topic: which stage the fetches serve. */
    private static void logConsumed(KafkaStreams streams, String applicationId) {
        Map<String, Double> consumed = new java.util.TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            String topic = name.tags().get("topic");
            // The client tags each topic twice, as named and with its dots as underscores; no topic here has one.
            if (name.group().equals("consumer-fetch-manager-metrics") && name.name().equals("records-consumed-total")
                    && topic != null && !topic.contains("_") && name.tags().get("client-id").endsWith("-consumer")
                    && metric.metricValue() instanceof Number value) {
                consumed.merge(topic.replace(applicationId + "-", ""), value.doubleValue(), Double::sum);
            }
        });
        log("Consumed so far: " + consumed);
    }

    /** What the topology wrote to the suite's topics (the trends, attributions and conversions). */
    private static void printOutputRecords(KafkaStreams streams, String applicationId) {
        Map<String, Double> sent = new java.util.TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            String topic = name.tags().get("topic");
            if (name.group().equals("producer-topic-metrics") && name.name().equals("record-send-total")
                    && topic != null && !topic.startsWith(applicationId + "-")
                    && metric.metricValue() instanceof Number value) {
                sent.merge(topic, value.doubleValue(), Double::sum);
            }
        });
        log("Records written to the suite's topics:");
        sent.forEach((topic, records) -> log("  %s: %,.0f".formatted(topic, records)));
    }

    /** What the topology wrote to its own topics (changelogs, repartitions), commit markers included. */
    private static void printInternalTopicOffsets(Admin admin, String applicationId) throws Exception {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (var topic : admin.describeTopics(admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-")).toList()).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<String, Long> perTopic = new java.util.TreeMap<>();
        admin.listOffsets(ends).all().get().forEach((partition, end) ->
                perTopic.merge(partition.topic().substring(applicationId.length() + 1), end.offset(), Long::sum));
        log("Offsets of the topology's internal topics (records and commit markers):");
        perTopic.forEach((topic, offsets) -> log("  %s: %,d".formatted(topic, offsets)));
    }

    /**
     * True when the group committed the end of every partition it reads (source and repartition topics); when asked,
     * logs what is left to commit per topic, so that the run shows which stage the time goes to.
     */
    private static boolean allCommitted(Admin admin, String applicationId, boolean trace) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        long salesPartitions = committed.keySet().stream().filter(tp -> tp.topic().equals(Topics.SALES.name())).count();
        if (salesPartitions < Topics.SALES.partitions()) {
            return false;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        if (trace) {
            Map<String, Long> left = new java.util.TreeMap<>();
            committed.forEach((tp, offset) -> left.merge(tp.topic().replace(applicationId + "-", ""),
                    Math.max(0, endToReach(tp, ends.get(tp).offset()) - (offset == null ? 0 : offset.offset())),
                    Long::sum));
            log("Left to commit: " + left);
        }
        return committed.entrySet().stream().allMatch(e -> e.getValue() != null
                && e.getValue().offset() >= endToReach(e.getKey(), ends.get(e.getKey()).offset()));
    }

    /**
     * The source topic is written without transactions: its end is its last record plus one. Repartition topics are
     * written in transactions and end with a commit marker, which a committed position need not have passed.
     */
    private static long endToReach(TopicPartition partition, long end) {
        return partition.topic().equals(Topics.SALES.name()) ? end : end - 1;
    }

    /** The production settings of application.yml. */
    private static SalesTrendsProperties properties(PlatformProcess platform, Path stateDir, String applicationId) {
        return new SalesTrendsProperties(applicationId, platform.bootstrapServers(), platform.registryUrl(),
                stateDir.toString(), 1, "127.0.0.1", null, Duration.ofDays(35),
                new TrendsProperties(List.of(TrendWindow.tumbling(Duration.ofMinutes(1)),
                        TrendWindow.hopping(Duration.ofHours(1), Duration.ofMinutes(5))
                                .withEmitInterval(Duration.ofSeconds(5))), Duration.ofMinutes(10),
                        Duration.ofMillis(500), Duration.ofHours(24), 5),
                new AttributionProperties(Duration.ofDays(7), Duration.ofHours(1), Duration.ofSeconds(2)), Map.of());
    }

    private static void log(String message) {
        System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    private record Result(long fromStartMs, long fromRunningMs, long droppedRecords) {
    }
}
