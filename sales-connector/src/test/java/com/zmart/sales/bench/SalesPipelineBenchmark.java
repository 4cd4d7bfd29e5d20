package com.zmart.sales.bench;

import com.zmart.platform.connect.ConnectorDeployer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;

import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.Sale;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.PlatformOptions;
import com.zmart.platform.postgres.PostgresServer;
import com.zmart.platform.process.Directories;
import com.zmart.sales.connector.PosConnectors;
import com.zmart.sales.simulator.PosDatabase;
import com.zmart.sales.simulator.RegisterSimulator;
import com.zmart.sales.simulator.SimulatorOptions;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Benchmark (a {@code main} program, never run by surefire or failsafe) of the sales connector pipeline: register
 * simulator → PostgreSQL → Debezium in the Kafka Connect worker → MaskCreditCard SMT → Avro on {@code zmart.sales}.
 *
 * <p>For each target rate (receipts per second) the register simulator writes for a warm-up and a measured step,
 * while a read_committed consumer, assigned to every partition of {@code zmart.sales} from the end, deserializes each
 * record and records {@code receive wall clock - purchasedAt}. The simulator stamps {@code purchasedAt} with the
 * wall clock just before inserting the receipt's lines, in the same transaction, so the delay is "database commit
 * to consumer" plus the receipt's own insert and commit (about a millisecond). Stepping up stops at the first rate
 * that is not sustainable: writer below 95% of the target, p99 over the limit, p99 growing through the step (last
 * third vs first third, by commit time), or lines missing after the drain.
 *
 * <p>Usage: {@code SalesPipelineBenchmark [--warmup-seconds N] [--step-seconds N] [--writers N|auto]
 * [--max-p99-ms N] [rate ...]} (default rates 100 200 400 800 1600). Prints a Markdown table.
 */
public final class SalesPipelineBenchmark {

    private static final long BASE_SEED = 42;

    private int warmupSeconds = 5;
    private int stepSeconds = 30;
    private int fixedWriters; // 0 = auto
    private int writerShare = 400; // receipts/s per writer in auto mode
    private long maxP99Millis = 2_000;
    private final List<Double> rates = new ArrayList<>();
    private final Map<String, String> salesOverrides = new java.util.LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        SalesPipelineBenchmark benchmark = new SalesPipelineBenchmark();
        benchmark.parse(args);
        int status = 1;
        try {
            status = benchmark.run();
        } catch (Throwable e) {
            e.printStackTrace();
        }
        // The platform is closed by now; exit explicitly so no lingering non-daemon client thread keeps the JVM up.
        System.exit(status);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--step-seconds" -> stepSeconds = Integer.parseInt(args[++i]);
                case "--writers" -> {
                    String value = args[++i];
                    fixedWriters = value.equals("auto") ? 0 : Integer.parseInt(value);
                }
                case "--writer-share" -> writerShare = Integer.parseInt(args[++i]);
                case "--max-p99-ms" -> maxP99Millis = Long.parseLong(args[++i]);
                case "--set" -> {
                    // An experiment: override one setting of the sales connector, e.g. --set poll.interval.ms=100
                    String[] pair = args[++i].split("=", 2);
                    salesOverrides.put(pair[0], pair[1]);
                }
                case "-h", "--help" -> {
                    System.out.println("SalesPipelineBenchmark [--warmup-seconds 5] [--step-seconds 30] [--writers N|auto]"
                            + " [--writer-share 400] [--max-p99-ms 2000] [--set connector.key=value ...] [rate ...]");
                    System.exit(0);
                }
                default -> {
                    for (String rate : arg.split(",")) {
                        if (!rate.isBlank()) {
                            rates.add(Double.parseDouble(rate));
                        }
                    }
                }
            }
        }
        if (rates.isEmpty()) {
            rates.addAll(List.of(100.0, 200.0, 400.0, 800.0, 1600.0));
        }
    }

    private int writersFor(double rate) {
        return fixedWriters > 0 ? fixedWriters : (int) Math.max(1, Math.ceil(rate / writerShare));
    }

    private int run() throws Exception {
        Path data = Files.createTempDirectory("zmart-sales-bench-");
        LocalPlatform platform = LocalPlatform.create(PlatformOptions.forTests(data));
        Snapshot.dataDirectory = data.toAbsolutePath().toString();
        Thread hook = new Thread(() -> {
            platform.close();
            Directories.deleteTree(data);
        }, "benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            long started = System.nanoTime();
            platform.start();
            log("platform ready in %d ms (data %s)", (System.nanoTime() - started) / 1_000_000, data);
            return measure(platform);
        } finally {
            long stopping = System.nanoTime();
            platform.close();
            Directories.deleteTree(data);
            log("platform stopped in %d ms, data directory deleted", (System.nanoTime() - stopping) / 1_000_000);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    private int measure(LocalPlatform platform) throws Exception {
        PostgresServer postgres = platform.postgres().orElseThrow();
        DataSource pos = PosDatabase.dataSource(postgres.jdbcUrl("pos"), PostgresServer.USER, "");
        PosDatabase.migrate(pos);
        int maxWriters = rates.stream().mapToInt(this::writersFor).max().orElse(1);
        // The catalog (who is a loyalty member) derives from the seed: load the reference data of every writer's seed.
        for (int w = 0; w < maxWriters; w++) {
            new RegisterSimulator(pos, options(1, w), Clock.systemUTC()).loadReferenceData();
        }
        log("PostgreSQL: %s", settings(pos, "synchronous_commit", "fsync", "wal_level"));

        ConnectorDeployer deployer = new ConnectorDeployer(platform.connect().orElseThrow().url());
        Map<String, String> variables = PosConnectors.variables("127.0.0.1", postgres.port(), "pos", PostgresServer.USER, "");
        PosConnectors.ALL.forEach(name -> deployer.deploy(name, variables, Duration.ofSeconds(90)));
        if (!salesOverrides.isEmpty()) {
            Map<String, String> config = ConnectorDeployer.configuration(PosConnectors.SALES, variables);
            config.putAll(salesOverrides);
            reconfigure(platform.connect().orElseThrow().url(), deployer, config);
            log("sales connector overrides: %s", salesOverrides);
        }
        log("connectors %s running", PosConnectors.ALL);

        try (SaleConsumer consumer = new SaleConsumer(platform)) {
            consumer.start();
            // A few receipts first: the connector's first change events, the converter's schema lookups, JIT.
            Step priming = new Step(50, 1, 0, 8);
            runStep(priming, consumer, pos, true);
            log("primed: %d lines delivered, p50 %d ms", priming.unique.size(), priming.all.getValueAtPercentile(50));

            List<Step> steps = new ArrayList<>();
            for (double rate : rates) {
                int writers = writersFor(rate);
                Step step = new Step(rate, writers, warmupSeconds, stepSeconds);
                steps.add(step);
                log("step %.0f receipts/s: %d writer(s), %d s warm-up + %d s measured", rate, writers, warmupSeconds, stepSeconds);
                runStep(step, consumer, pos, false);
                log("  %s", step.summary());
                log("  %s", ConnectMetrics.snapshot());
                if (!step.sustainable(maxP99Millis)) {
                    log("  not sustainable (%s): stopping here", step.verdictReason(maxP99Millis));
                    break;
                }
            }
            if (consumer.failure != null) {
                throw new IllegalStateException("consumer failed", consumer.failure);
            }
            System.out.println();
            System.out.println(table(steps));
            System.out.println(details(steps));
            return 0;
        }
    }

    private static void reconfigure(String connectUrl, ConnectorDeployer deployer, Map<String, String> config) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config);
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(connectUrl + "/connectors/" + PosConnectors.SALES + "/config"))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Connect refused the overrides: " + response.body());
        }
        Thread.sleep(2_000); // let the worker restart the task with the new configuration
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            ConnectorDeployer.Status status = deployer.status(PosConnectors.SALES);
            if (status.connector().equals("RUNNING") && !status.tasks().isEmpty()
                    && status.tasks().stream().allMatch("RUNNING"::equals)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("sales connector not running after the overrides");
    }

    private void runStep(Step step, SaleConsumer consumer, DataSource pos, boolean priming) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(step.writers);
        List<Future<RegisterSimulator.Progress>> results = new ArrayList<>();
        List<RegisterSimulator.Progress[]> baselines = new ArrayList<>();
        step.writeStart = System.currentTimeMillis();
        step.measureStart = step.writeStart + step.warmupSeconds * 1000L;
        step.measureEnd = step.measureStart + step.stepSeconds * 1000L;
        consumer.current = step;
        try {
            for (int w = 0; w < step.writers; w++) {
                if (w > 0) {
                    // Each simulator's transaction-id prefix is its construction time in base-36 milliseconds.
                    Thread.sleep(5);
                }
                SimulatorOptions options = options(step.rate / step.writers, w)
                        .withLimit(Duration.ofSeconds(step.warmupSeconds + step.stepSeconds), 0);
                RegisterSimulator simulator = new RegisterSimulator(pos, options, Clock.systemUTC());
                RegisterSimulator.Progress[] baseline = new RegisterSimulator.Progress[1];
                baselines.add(baseline);
                long warmupNanos = Duration.ofSeconds(step.warmupSeconds).toNanos();
                results.add(pool.submit(() -> simulator.run(p -> {
                    if (baseline[0] == null && p.elapsed().toNanos() >= warmupNanos) {
                        baseline[0] = p;
                    }
                })));
            }
            Snapshot cpuBefore = null;
            if (!priming) {
                sleepUntil(step.measureStart);
                cpuBefore = Snapshot.take();
                step.receivedAtStart = consumer.received.get();
                sleepUntil(step.measureEnd);
                step.receivedAtEnd = consumer.received.get();
                step.cpu = Snapshot.take().since(cpuBefore);
            }
            long receipts = 0;
            double windowReceipts = 0;
            for (int w = 0; w < results.size(); w++) {
                RegisterSimulator.Progress done = results.get(w).get();
                receipts += done.transactions();
                step.linesWritten += done.lines();
                RegisterSimulator.Progress base = baselines.get(w)[0];
                if (base != null && done.elapsed().compareTo(base.elapsed()) > 0) {
                    windowReceipts += (done.transactions() - base.transactions()) * 1e9
                            / (done.elapsed().toNanos() - base.elapsed().toNanos());
                }
            }
            step.receiptsWritten = receipts;
            step.achievedRate = windowReceipts;
        } finally {
            pool.shutdown();
        }
        step.writeEnd = System.currentTimeMillis();
        // Drain: wait until every line written in this step has arrived (or give up after 60 s).
        long deadline = System.currentTimeMillis() + 60_000;
        while (step.uniqueCount() < step.linesWritten && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        step.drainMillis = System.currentTimeMillis() - step.writeEnd;
        step.linesInDatabase = count(pos, "SELECT count(*) FROM sale_lines WHERE purchased_at >= to_timestamp("
                + step.writeStart / 1000.0 + ") AT TIME ZONE 'UTC'");
        consumer.current = null;
    }

    private static SimulatorOptions options(double rate, int writer) {
        return SimulatorOptions.defaults().withRate(rate).withSeed(BASE_SEED + writer);
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait;
        while ((wait = epochMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(Math.min(wait, 200));
        }
    }

    private static long count(DataSource pos, String sql) throws SQLException {
        try (Connection connection = pos.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String settings(DataSource pos, String... names) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = pos.getConnection(); Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
                    rs.next();
                    values.add(name + "=" + rs.getString(1));
                }
            }
        }
        return String.join(", ", values);
    }

    private String table(List<Step> steps) {
        StringBuilder out = new StringBuilder();
        out.append("| target receipts/s | writers | achieved receipts/s | lines/s delivered | p50 (ms) | p95 (ms) | p99 (ms) "
                + "| max (ms) | p99 first → last third (ms) | CPU: JVM / platform / other processes | sustainable |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Step s : steps) {
            out.append(String.format(Locale.ROOT, "| %.0f | %d | %.1f | %.0f | %d | %d | %d | %d | %d → %d | %s | %s |%n",
                    s.rate, s.writers, s.achievedRate, s.deliveredLinesPerSecond(), s.all.getValueAtPercentile(50),
                    s.all.getValueAtPercentile(95), s.all.getValueAtPercentile(99), s.all.getMaxValue(),
                    s.thirds[0].getValueAtPercentile(99), s.thirds[2].getValueAtPercentile(99),
                    s.cpu == null ? "-" : s.cpu.describe(),
                    s.sustainable(maxP99Millis) ? "yes" : "no (" + s.verdictReason(maxP99Millis) + ")"));
        }
        return out.toString();
    }

    private String details(List<Step> steps) {
        StringBuilder out = new StringBuilder("\nPer step: lines written / in the database / delivered (unique, duplicates),"
                + " transaction-id prefixes seen, drain time after the writers stopped\n");
        for (Step s : steps) {
            out.append(String.format(Locale.ROOT, "  %.0f/s: %d receipts, %d lines written, %d in the database, %d delivered"
                            + " (%d duplicates), %d prefix(es), drained in %d ms%n", s.rate, s.receiptsWritten, s.linesWritten,
                    s.linesInDatabase, s.uniqueCount(), s.duplicates, s.prefixes.size(), s.drainMillis));
        }
        return out.toString();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "%tT bench: " + format + "%n", prepend(Instant.now().toEpochMilli(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** One rate: what the writers did and what the consumer saw of the lines they wrote. */
    static final class Step {
        final double rate;
        final int writers;
        final int warmupSeconds;
        final int stepSeconds;
        volatile long writeStart;
        volatile long measureStart;
        volatile long measureEnd;
        long writeEnd;
        long receiptsWritten;
        long linesWritten;
        long linesInDatabase;
        double achievedRate;
        long receivedAtStart;
        long receivedAtEnd;
        long drainMillis;
        Snapshot.Delta cpu;
        // Guarded by this: written by the consumer thread, read by the main thread.
        final Histogram all = new Histogram(3_600_000L, 3);
        final Histogram[] thirds = {new Histogram(3_600_000L, 3), new Histogram(3_600_000L, 3), new Histogram(3_600_000L, 3)};
        final Set<String> unique = new HashSet<>();
        final Set<String> prefixes = new TreeSet<>();
        long duplicates;

        Step(double rate, int writers, int warmupSeconds, int stepSeconds) {
            this.rate = rate;
            this.writers = writers;
            this.warmupSeconds = warmupSeconds;
            this.stepSeconds = stepSeconds;
        }

        synchronized void record(Sale sale, long purchasedAt, long delay) {
            String transactionId = sale.getTransactionId();
            if (!unique.add(transactionId + "#" + sale.getLineNumber())) {
                duplicates++;
                return;
            }
            // tx-<runId>-<sequence>: one runId per simulator instance.
            prefixes.add(transactionId.substring(0, transactionId.lastIndexOf('-')));
            if (purchasedAt < measureStart || purchasedAt >= measureEnd) {
                return; // warm-up (or written after the window, before the writers noticed the deadline)
            }
            all.recordValue(delay);
            int third = (int) Math.min(2, (purchasedAt - measureStart) * 3 / (measureEnd - measureStart));
            thirds[third].recordValue(delay);
        }

        synchronized int uniqueCount() {
            return unique.size();
        }

        double deliveredLinesPerSecond() {
            return (receivedAtEnd - receivedAtStart) * 1000.0 / (measureEnd - measureStart);
        }

        synchronized boolean growing() {
            long first = thirds[0].getValueAtPercentile(99);
            long last = thirds[2].getValueAtPercentile(99);
            return last > first * 1.5 && last - first > 250;
        }

        boolean sustainable(long maxP99) {
            return verdictReason(maxP99).isEmpty();
        }

        synchronized String verdictReason(long maxP99) {
            List<String> reasons = new ArrayList<>();
            if (achievedRate < 0.95 * rate) {
                reasons.add("writer at " + Math.round(100 * achievedRate / rate) + "% of target");
            }
            if (all.getValueAtPercentile(99) >= maxP99) {
                reasons.add("p99 ≥ " + maxP99 + " ms");
            }
            if (growing()) {
                reasons.add("delay growing");
            }
            if (unique.size() < linesWritten) {
                reasons.add((linesWritten - unique.size()) + " lines not delivered within 60 s");
            }
            return String.join(", ", reasons);
        }

        synchronized String summary() {
            return String.format(Locale.ROOT, "achieved %.1f receipts/s, %d lines written, %d delivered, %.0f lines/s delivered,"
                            + " p50 %d p95 %d p99 %d max %d ms, p99 by third %d/%d/%d ms, drain %d ms, CPU %s",
                    achievedRate, linesWritten, unique.size(), deliveredLinesPerSecond(), all.getValueAtPercentile(50),
                    all.getValueAtPercentile(95), all.getValueAtPercentile(99), all.getMaxValue(),
                    thirds[0].getValueAtPercentile(99), thirds[1].getValueAtPercentile(99), thirds[2].getValueAtPercentile(99),
                    drainMillis, cpu == null ? "-" : cpu.describe());
        }
    }

    /** Reads {@code zmart.sales} from its end, read_committed, and times every record against its purchasedAt. */
    static final class SaleConsumer implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Deserializer<Sale> deserializer;
        private final Thread thread;
        final AtomicLong received = new AtomicLong();
        volatile Step current;
        volatile Throwable failure;
        private volatile boolean stopped;

        SaleConsumer(LocalPlatform platform) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "sales-pipeline-benchmark",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                    new StringDeserializer(), new ByteArrayDeserializer());
            String topic = Topics.SALES.name();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before anything is written
            deserializer = TopicSerdes.registry(platform.registry().apiV3Url()).valueDeserializer(Topics.SALES);
            thread = new Thread(this::loop, "sales-benchmark-consumer");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            try {
                while (!stopped) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                    long now = System.currentTimeMillis();
                    Step step = current;
                    for (ConsumerRecord<String, byte[]> record : records) {
                        Sale sale = deserializer.deserialize(record.topic(), record.value());
                        long purchasedAt = sale.getPurchasedAt().toEpochMilli();
                        received.incrementAndGet();
                        if (step != null && purchasedAt >= step.writeStart - 1) {
                            step.record(sale, purchasedAt, Math.max(0, now - purchasedAt));
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // closing
            } catch (Throwable e) {
                failure = e;
                e.printStackTrace();
            }
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            consumer.wakeup();
            thread.join(5_000);
            consumer.close(Duration.ofSeconds(2));
            deserializer.close();
        }
    }

    /**
     * CPU use over a window, in % of all cores: this JVM (Kafka, Connect, Debezium, the consumer, the writers), the
     * whole platform (plus its PostgreSQL and registry processes, found by the data directory in their command line,
     * and their children), and everything else on the machine, so that a run disturbed by other work shows it.
     */
    record Snapshot(long wallNanos, long processCpuNanos, long platformTicks, long machineBusy, long machineTotal) {

        static volatile String dataDirectory = "";

        static Snapshot take() {
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long busy = 0;
            long total = 0;
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    long v = Long.parseLong(fields[i]);
                    total += v;
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += v;
                    }
                }
            } catch (IOException | RuntimeException e) {
                total = -1;
            }
            return new Snapshot(System.nanoTime(), process, readPlatformTicks(), busy, total);
        }

        /** utime + stime (clock ticks) of this JVM, the platform's child servers and their children. */
        private static long readPlatformTicks() {
            long self = ProcessHandle.current().pid();
            Map<Long, long[]> stats = new java.util.HashMap<>(); // pid -> {ppid, ticks}
            Set<Long> roots = new HashSet<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        long pid = Long.parseLong(name);
                        String stat = Files.readString(dir.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        stats.put(pid, new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                        String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8);
                        if (pid == self || (!dataDirectory.isEmpty() && cmdline.contains(dataDirectory))) {
                            roots.add(pid);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            long ticks = 0;
            for (var entry : stats.entrySet()) {
                long pid = entry.getKey();
                long parent = entry.getValue()[0];
                long grandParent = stats.containsKey(parent) ? stats.get(parent)[0] : -1;
                if (roots.contains(pid) || roots.contains(parent) || roots.contains(grandParent)) {
                    ticks += entry.getValue()[1];
                }
            }
            return ticks;
        }

        Delta since(Snapshot before) {
            int cores = Runtime.getRuntime().availableProcessors();
            double jvm = (processCpuNanos - before.processCpuNanos) * 100.0 / ((wallNanos - before.wallNanos) * cores);
            if (machineTotal < 0 || before.machineTotal < 0 || machineTotal == before.machineTotal || platformTicks < 0) {
                return new Delta(jvm, -1, -1);
            }
            double totalTicks = machineTotal - before.machineTotal;
            double platform = Math.max(jvm, (platformTicks - before.platformTicks) * 100.0 / totalTicks);
            double machine = (machineBusy - before.machineBusy) * 100.0 / totalTicks;
            return new Delta(jvm, platform, Math.max(0, machine - platform));
        }

        record Delta(double jvmPercent, double platformPercent, double otherPercent) {
            String describe() {
                return platformPercent < 0 ? String.format(Locale.ROOT, "%.0f%% / ? / ?", jvmPercent)
                        : String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%%", jvmPercent, platformPercent, otherPercent);
            }
        }
    }

    /** A few of the worker's and Debezium's own metrics (same JVM), to see where the time goes. */
    static final class ConnectMetrics {

        static String snapshot() {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            List<String> parts = new ArrayList<>();
            read(server, "kafka.connect:type=source-task-metrics,connector=" + PosConnectors.SALES + ",task=0", parts,
                    "source-record-poll-rate", "poll-batch-avg-time-ms", "poll-batch-max-time-ms", "transaction-size-avg",
                    "transaction-size-max");
            read(server, "kafka.connect:type=task-metrics,connector=" + PosConnectors.SALES + ",task=0", parts,
                    "batch-size-avg", "batch-size-max", "offset-commit-avg-time-ms");
            read(server, "debezium.postgres:type=connector-metrics,context=streaming,server=pos,*", parts,
                    "MilliSecondsBehindSource", "QueueRemainingCapacity", "QueueTotalCapacity");
            return "metrics: " + String.join(", ", parts);
        }

        private static void read(MBeanServer server, String name, List<String> parts, String... attributes) {
            try {
                Set<ObjectName> names = server.queryNames(new ObjectName(name), null);
                for (ObjectName objectName : names) {
                    for (String attribute : attributes) {
                        try {
                            Object value = server.getAttribute(objectName, attribute);
                            parts.add(attribute + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : value));
                        } catch (Exception missing) {
                            // attribute not offered by this version
                        }
                    }
                }
            } catch (Exception e) {
                parts.add(name + ": " + e.getMessage());
            }
        }
    }
}
