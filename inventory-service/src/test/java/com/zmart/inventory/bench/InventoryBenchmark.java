package com.zmart.inventory.bench;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.ReorderRequest;
import com.zmart.events.Restock;
import com.zmart.events.Sale;
import com.zmart.inventory.Fixtures;
import com.zmart.inventory.PlatformProperties;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.PlatformOptions;
import com.zmart.platform.process.Directories;
import io.micrometer.core.instrument.MeterRegistry;
import org.HdrHistogram.Histogram;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (a {@code main} program, never run by surefire or failsafe) of the inventory service: Avro sale lines on
 * {@code zmart.sales} → the service (1 consumer by default, one PostgreSQL transaction per poll: dedup keys, atomic decrements,
 * outbox) → the outbox relay → {@code zmart.reorders} (and {@code zmart.inventory-levels}).
 *
 * <p>A writer produces receipts of 1 to 4 lines (like the register simulator) at a target rate of sale lines per
 * second, stamping {@code purchasedAt} with the wall clock when it sends. The service stamps a reorder's
 * {@code requestedAt} with the purchase time of the sale that crossed the reorder point, so a consumer of
 * {@code zmart.reorders} measures {@code receive wall clock - requestedAt}: sale record sent → reorder request
 * received. A supplier answers every reorder with a restock at once, so items keep crossing their point (the seed
 * keeps each item a few sales above it, with a small reorder quantity). For each rate: a warm-up, a measured step,
 * then a drain until every line sent is applied. Stepping up stops at the first rate that is not sustainable: writer
 * or service below 95% of the target, p99 over the limit, or lines not applied within 60 s after the step.
 *
 * <p>Usage: {@code InventoryBenchmark [--warmup-seconds 5] [--step-seconds 30] [--max-p99-ms 1000] [--stores 10]
 * [--products 200] [--concurrency 1] [--no-levels] [--backlog N] [rate ...]} (sale lines/s; default 250 500 1000
 * 2000 4000). With {@code --backlog N} it measures instead how fast the service applies N sale lines already on the
 * topic, beside Kafka's {@code ConsumerPerformance} on the same records.
 */
public final class InventoryBenchmark {

    private int warmupSeconds = 5;
    private int stepSeconds = 30;
    private long maxP99Millis = 1_000;
    private int stores = 10;
    private int products = 200;
    private int concurrency = 1;
    private boolean publishLevels = true;
    private long backlog;
    private final List<Double> rates = new ArrayList<>();

    public static void main(String[] args) {
        int status;
        try {
            status = new InventoryBenchmark(args).run();
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        }
        System.exit(status); // all closed by now: a client thread left behind must not keep the JVM alive
    }

    private InventoryBenchmark(String[] args) {
        Deque<String> arguments = new ArrayDeque<>(List.of(args));
        while (!arguments.isEmpty()) {
            String argument = arguments.pop();
            switch (argument) {
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(arguments.pop());
                case "--step-seconds" -> stepSeconds = Integer.parseInt(arguments.pop());
                case "--max-p99-ms" -> maxP99Millis = Long.parseLong(arguments.pop());
                case "--stores" -> stores = Integer.parseInt(arguments.pop());
                case "--products" -> products = Integer.parseInt(arguments.pop());
                case "--concurrency" -> concurrency = Integer.parseInt(arguments.pop());
                case "--no-levels" -> publishLevels = false;
                case "--backlog" -> backlog = Long.parseLong(arguments.pop());
                case "-h", "--help" -> {
                    System.out.println("InventoryBenchmark [--warmup-seconds 5] [--step-seconds 30] [--max-p99-ms 1000]"
                            + " [--stores 10] [--products 200] [--concurrency 1] [--no-levels] [--backlog N] [rate ...]");
                    System.exit(0);
                }
                default -> Arrays.stream(argument.split(",")).filter(r -> !r.isBlank()).map(Double::valueOf).forEach(rates::add);
            }
        }
        if (rates.isEmpty()) {
            rates.addAll(List.of(250.0, 500.0, 1000.0, 2000.0, 4000.0));
        }
    }

    private int run() throws Exception {
        try (BenchPlatform bench = BenchPlatform.start()) {
            if (backlog > 0) {
                return measureBacklog(bench.platform());
            }
            try (ConfigurableApplicationContext service = startService(bench.platform())) {
                return measure(bench.platform(), service);
            }
        }
    }

    /** Kafka, the registry and PostgreSQL in a temporary directory, stopped and deleted however the run ends. */
    record BenchPlatform(LocalPlatform platform, Path data, Thread onExit) implements AutoCloseable {

        static BenchPlatform start() throws IOException {
            Path data = Files.createTempDirectory("zmart-inventory-bench-");
            LocalPlatform platform = LocalPlatform.create(PlatformOptions.forTests(data).withComponents(false, true, false));
            BenchPlatform bench = new BenchPlatform(platform, data, new Thread(() -> stop(platform, data)));
            Runtime.getRuntime().addShutdownHook(bench.onExit());
            long started = System.nanoTime();
            platform.start();
            log("platform ready in %d ms", (System.nanoTime() - started) / 1_000_000);
            return bench;
        }

        private static void stop(LocalPlatform platform, Path data) {
            platform.close();
            Directories.deleteTree(data);
        }

        @Override
        public void close() {
            stop(platform, data);
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException exiting) {
                // the hook runs already
            }
        }
    }

    private ConfigurableApplicationContext startService(LocalPlatform platform) {
        Map<String, Object> properties = PlatformProperties.of(platform, PlatformProperties.DATABASE);
        properties.put("server.port", 0);
        properties.put("zmart.inventory.listener.sales-concurrency", concurrency);
        properties.put("zmart.inventory.publish-levels", publishLevels);
        properties.put("zmart.inventory.seed.stores", stores);
        properties.put("zmart.inventory.seed.products", products);
        // A few sales above the point, small reorders: every item keeps crossing while the supplier restocks.
        properties.put("zmart.inventory.seed.on-hand", 30);
        properties.put("zmart.inventory.seed.reorder-point", 20);
        properties.put("zmart.inventory.seed.reorder-quantity", 12);
        long started = System.nanoTime();
        ConfigurableApplicationContext service = PlatformProperties.start(properties);
        log("service ready in %d ms: %d items, %d sales consumers, levels %s, PostgreSQL %s",
                (System.nanoTime() - started) / 1_000_000, stores * products, concurrency,
                publishLevels ? "published" : "not published", settings(service.getBean(JdbcClient.class)));
        return service;
    }

    private int measure(LocalPlatform platform, ConfigurableApplicationContext service) throws Exception {
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        try (Clients clients = new Clients(platform); Supplier supplier = new Supplier(clients)) {
            supplier.start();
            Step priming = new Step(100, 0, 5);
            runStep(priming, clients, supplier, meters);
            log("primed: %s", priming.summary());
            List<Step> steps = new ArrayList<>();
            for (double rate : rates) {
                Step step = new Step(rate, warmupSeconds, stepSeconds);
                steps.add(step);
                log("step %.0f lines/s: %d s warm-up + %d s measured", rate, warmupSeconds, stepSeconds);
                runStep(step, clients, supplier, meters);
                log("  %s", step.summary());
                String verdict = step.verdict(maxP99Millis);
                if (!verdict.isEmpty()) {
                    log("  not sustainable (%s): stopping here", verdict);
                    break;
                }
            }
            System.out.println();
            System.out.println(table(steps));
            return 0;
        }
    }

    /**
     * The processing rate on a backlog, against Kafka's own consumer on the same records: {@code backlog} sale lines
     * are written first, {@code ConsumerPerformance} reads them, then the service starts and applies them all.
     */
    private int measureBacklog(LocalPlatform platform) throws Exception {
        long written = 0;
        try (Clients clients = new Clients(platform)) {
            SplittableRandom random = new SplittableRandom(42);
            while (written < backlog) {
                written += clients.sendReceipt(random, stores, products);
            }
            clients.producer.flush();
        }
        log("%,d sale lines written", written);
        String raw = consumerPerformance(platform, written);
        try (ConfigurableApplicationContext service = startService(platform)) {
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            long start = System.nanoTime();
            while (applied(meters) < written) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println();
            System.out.println("| measure | result |");
            System.out.println("| --- | --- |");
            System.out.printf(Locale.ROOT, "| ConsumerPerformance on zmart.sales (%,d records) | %s |%n", written, raw);
            System.out.printf(Locale.ROOT, "| inventory service, backlog of %,d sale lines (started to all applied, %d consumers, levels %s) | %,.0f lines/s (%.1f s) |%n",
                    written, concurrency, publishLevels ? "on" : "off", written / seconds, seconds);
        }
        return 0;
    }

    /** Kafka's {@code ConsumerPerformance} over {@code records} of {@code zmart.sales}, in its own JVM. */
    private static String consumerPerformance(LocalPlatform platform, long records) throws Exception {
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", platform.bootstrapServers(), "--topic", Topics.SALES.name(),
                "--messages", Long.toString(records), "--timeout", "60000", "--group", "inventory-bench-raw")
                .redirectErrorStream(true).start();
        List<String> lines = new String(tool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        if (tool.waitFor() != 0) {
            throw new IllegalStateException("ConsumerPerformance failed: " + lines);
        }
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec: the fetch figures leave the group join out.
        String[] fields = lines.stream().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("ConsumerPerformance printed: " + lines)).split(",\\s*");
        return String.format(Locale.ROOT, "%,.0f records/s (%s MB/s)", Double.parseDouble(fields[9]), fields[8]);
    }

    private void runStep(Step step, Clients clients, Supplier supplier, MeterRegistry meters) throws InterruptedException {
        long start = System.currentTimeMillis();
        step.measureStart = start + step.warmupSeconds * 1000L;
        step.measureEnd = step.measureStart + step.stepSeconds * 1000L;
        supplier.current = step;
        SplittableRandom random = new SplittableRandom(42 + (long) step.rate);
        long nanosPerLine = (long) (1e9 / step.rate);
        long t0 = System.nanoTime();
        long end = t0 + (step.measureEnd - start) * 1_000_000L;
        long sent = 0;
        long sentAtStart = -1;
        CpuWindow cpu = null;
        double appliedAtStart = 0;
        while (true) {
            long due = t0 + sent * nanosPerLine;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (sentAtStart < 0 && System.currentTimeMillis() >= step.measureStart) {
                sentAtStart = sent;
                appliedAtStart = applied(meters);
                cpu = CpuWindow.open();
            }
            sent += clients.sendReceipt(random, stores, products);
        }
        clients.producer.flush();
        long measuredMillis = System.currentTimeMillis() - Math.max(step.measureStart, start);
        if (cpu != null) {
            step.cpu = cpu.close();
            step.sentPerSecond = (sent - sentAtStart) * 1000.0 / measuredMillis;
            step.appliedPerSecond = (applied(meters) - appliedAtStart) * 1000.0 / measuredMillis;
        }
        step.linesSent = sent;
        // Drain: every line sent in the step applied (or give up after 60 s).
        double target = clients.totalSent.get();
        long writeEnd = System.currentTimeMillis();
        while (applied(meters) < target && System.currentTimeMillis() - writeEnd < 60_000) {
            Thread.sleep(20);
        }
        step.drainMillis = System.currentTimeMillis() - writeEnd;
        step.undrained = (long) Math.max(0, target - applied(meters));
        Thread.sleep(500); // reorders of the last lines
        supplier.current = null;
    }

    /** Sale lines the service consumed (applied, duplicate or unknown), from its own counters. */
    private static double applied(MeterRegistry meters) {
        return meters.find("zmart.inventory.sale-lines").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static String settings(JdbcClient jdbc) {
        return jdbc.sql("SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings"
                        + " WHERE name IN ('synchronous_commit', 'fsync', 'shared_buffers')")
                .query(String.class).single();
    }

    private String table(List<Step> steps) {
        StringBuilder table = new StringBuilder();
        table.append("| target lines/s | sent lines/s | applied lines/s | reorders | reorder p50 ms | p95 ms | p99 ms | max ms |")
                .append(" drain ms | CPU JVM / load avg | sustainable |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Step step : steps) {
            String verdict = step.verdict(maxP99Millis);
            table.append(String.format(Locale.ROOT, "| %.0f | %.0f | %.0f | %d | %d | %d | %d | %d | %d | %s | %s |%n",
                    step.rate, step.sentPerSecond, step.appliedPerSecond, step.delays.getTotalCount(),
                    step.delays.getValueAtPercentile(50), step.delays.getValueAtPercentile(95),
                    step.delays.getValueAtPercentile(99), step.delays.getMaxValue(), step.drainMillis,
                    step.cpu == null ? "-" : step.cpu, verdict.isEmpty() ? "yes" : "no: " + verdict));
        }
        return table.toString();
    }

    private static void log(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(Locale.ROOT, format, args));
    }

    /** One target rate: what was sent and applied, and the sale-to-reorder delays of the measured window. */
    static final class Step {
        final double rate;
        final int warmupSeconds;
        final int stepSeconds;
        final Histogram delays = new Histogram(60_000, 3);
        volatile long measureStart;
        volatile long measureEnd;
        long linesSent;
        double sentPerSecond;
        double appliedPerSecond;
        long drainMillis;
        long undrained;
        String cpu;

        Step(double rate, int warmupSeconds, int stepSeconds) {
            this.rate = rate;
            this.warmupSeconds = warmupSeconds;
            this.stepSeconds = stepSeconds;
        }

        synchronized void record(long requestedAt, long delay) {
            if (requestedAt >= measureStart && requestedAt < measureEnd) {
                delays.recordValue(Math.min(delay, delays.getHighestTrackableValue()));
            }
        }

        synchronized String verdict(long maxP99) {
            List<String> reasons = new ArrayList<>();
            if (sentPerSecond < 0.95 * rate) {
                reasons.add("writer at " + Math.round(100 * sentPerSecond / rate) + "% of target");
            }
            if (appliedPerSecond < 0.95 * rate) {
                reasons.add("service at " + Math.round(100 * appliedPerSecond / rate) + "% of target");
            }
            if (delays.getValueAtPercentile(99) >= maxP99) {
                reasons.add("p99 ≥ " + maxP99 + " ms");
            }
            if (undrained > 0) {
                reasons.add(undrained + " lines not applied 60 s after the step");
            }
            return String.join(", ", reasons);
        }

        synchronized String summary() {
            return String.format(Locale.ROOT, "%d lines sent, %.0f/s sent, %.0f/s applied, %d reorders, p50 %d p95 %d"
                            + " p99 %d max %d ms, drain %d ms, CPU %s", linesSent, sentPerSecond, appliedPerSecond,
                    delays.getTotalCount(), delays.getValueAtPercentile(50), delays.getValueAtPercentile(95),
                    delays.getValueAtPercentile(99), delays.getMaxValue(), drainMillis, cpu);
        }
    }

    /** The benchmark's producer of sales and restocks. */
    static final class Clients implements AutoCloseable {
        final KafkaProducer<String, byte[]> producer;
        final Serializer<SpecificRecord> serializer;
        final LocalPlatform platform;
        final AtomicLong totalSent = new AtomicLong();
        private long receipts;
        private final String runId = Long.toString(System.currentTimeMillis(), 36);

        Clients(LocalPlatform platform) {
            this.platform = platform;
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 2),
                    new StringSerializer(), new ByteArraySerializer());
            serializer = TopicSerdes.registry(platform.registry().apiV3Url())
                    .valueSerializer(List.of(Topics.SALES, Topics.RESTOCKS));
        }

        /** One receipt of 1 to 4 lines; returns the number of lines. */
        int sendReceipt(SplittableRandom random, int stores, int products) {
            String transactionId = "bench-" + runId + "-" + ++receipts;
            String store = "store-%03d".formatted(1 + random.nextInt(stores));
            int lines = 1 + random.nextInt(4);
            for (int line = 1; line <= lines; line++) {
                Sale sale = Fixtures.sale(transactionId, line, store, "sku-%05d".formatted(1 + random.nextInt(products)),
                        1 + random.nextInt(3));
                send(Topics.SALES.name(), SaleKeys.of(sale), sale);
            }
            totalSent.addAndGet(lines);
            return lines;
        }

        void send(String topic, String key, SpecificRecord value) {
            producer.send(new ProducerRecord<>(topic, key, serializer.serialize(topic, value)));
        }

        @Override
        public void close() {
            producer.close();
            serializer.close();
        }
    }

    /** Reads {@code zmart.reorders}, times each request, and answers it with a restock at once, on its own thread. */
    static final class Supplier implements AutoCloseable {
        private final Clients clients;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread daemon = new Thread(task, "benchmark-supplier");
            daemon.setDaemon(true);
            return daemon;
        });
        private final CountDownLatch positioned = new CountDownLatch(1);
        private Future<?> answering;
        volatile Step current;
        private volatile boolean stopped;

        Supplier(Clients clients) {
            this.clients = clients;
        }

        /** Returns once the supplier reads from the current end of the topic. */
        void start() throws InterruptedException {
            answering = thread.submit(() -> {
                answerReorders();
                return null;
            });
            positioned.await();
        }

        private void answerReorders() {
            LocalPlatform platform = clients.platform;
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                         ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
                 Deserializer<ReorderRequest> reorders = TopicSerdes.registry(platform.registry().apiV3Url())
                         .valueDeserializer(Topics.REORDERS)) {
                String topic = Topics.REORDERS.name();
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.countDown();
                while (!stopped) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        answer(record.key(), reorders.deserialize(record.topic(), record.value()));
                    }
                }
            } finally {
                positioned.countDown();
            }
        }

        private void answer(String key, ReorderRequest reorder) {
            long now = System.currentTimeMillis();
            long requestedAt = reorder.getRequestedAt().toEpochMilli();
            Step step = current;
            if (step != null) {
                step.record(requestedAt, Math.max(0, now - requestedAt));
            }
            clients.send(Topics.RESTOCKS.name(), key, Restock.newBuilder()
                    .setRestockId("bench-restock-" + reorder.getReorderId())
                    .setStoreId(reorder.getStoreId()).setSku(reorder.getSku())
                    .setQuantity(reorder.getQuantityToOrder()).setReorderId(reorder.getReorderId())
                    .setReceivedAt(Instant.ofEpochMilli(now)).build());
        }

        /** Stops answering; a failure of the supplier's thread surfaces here. */
        @Override
        public void close() throws Exception {
            stopped = true;
            try {
                answering.get(10, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    /**
     * CPU of this JVM (Kafka, the service, the benchmark) over a window, in % of all cores, and the machine's load
     * average at its end: PostgreSQL and the registry run outside the JVM, and a load far above the core count
     * means other work disturbed the run.
     */
    record CpuWindow(long wallNanos, long processCpuNanos) {

        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        static CpuWindow open() {
            return new CpuWindow(System.nanoTime(), OS.getProcessCpuTime());
        }

        String close() {
            double jvm = (OS.getProcessCpuTime() - processCpuNanos) * 100.0
                    / ((System.nanoTime() - wallNanos) * (double) OS.getAvailableProcessors());
            return String.format(Locale.ROOT, "%.0f%% / load %.1f", jvm, OS.getSystemLoadAverage());
        }
    }
}
