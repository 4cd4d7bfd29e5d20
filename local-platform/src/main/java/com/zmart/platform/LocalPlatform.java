package com.zmart.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.zmart.contracts.topic.Topics;
import com.zmart.platform.connect.ConnectWorker;
import com.zmart.platform.kafka.KafkaBrokers;
import com.zmart.platform.kafka.TopicProvisioner;
import com.zmart.platform.postgres.PostgresServer;
import com.zmart.platform.process.BuildInfo;
import com.zmart.platform.process.PlatformStartupException;
import com.zmart.platform.process.Ports;
import com.zmart.platform.registry.ApicurioRegistry;
import com.zmart.platform.registry.SchemaProvisioner;
import com.zmart.platform.smtp.SmtpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZMart's platform on one machine, without Docker: Kafka, the Schema Registry, PostgreSQL, a Kafka Connect
 * worker and an SMTP server, all on loopback. {@link #start} returns once every component answers, the catalog's
 * topics exist and the contracts are registered; {@link #close} stops everything, child processes included.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    private final PlatformOptions options;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private KafkaBrokers kafka;
    private ApicurioRegistry registry;
    private PostgresServer postgres;
    private SmtpServer smtp;
    private volatile ConnectWorker connect;
    private Map<String, Integer> schemaIds = Map.of();
    private boolean closed; // guarded by running

    private LocalPlatform(PlatformOptions options) {
        this.options = options;
    }

    /** Starts every component the options ask for; on any failure stops what had started and rethrows. */
    public static LocalPlatform start(PlatformOptions options) {
        return create(options).start();
    }

    /** A platform not started yet, so that a caller can arrange for {@link #close} (e.g. a shutdown hook) first. */
    public static LocalPlatform create(PlatformOptions options) {
        return new LocalPlatform(options);
    }

    public LocalPlatform start() {
        try {
            startComponents();
            return this;
        } catch (RuntimeException e) {
            close();
            throw unwrap(e);
        }
    }

    private void startComponents() {
        long started = System.nanoTime();
        Path data = options.dataDirectory().toAbsolutePath();
        createDirectories(data);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // Independent servers start side by side; the registry (a separate JVM) takes longest.
            var kafkaStart = async(pool, () -> KafkaBrokers.start(options.brokers(), options.kafkaPort(), data,
                    options.ownProcesses()));
            var registryStart = async(pool, () -> ApicurioRegistry.start(options.registryPort(), data, cacheDirectory(),
                    data.resolve("logs/registry.log")));
            var postgresStart = options.startPostgres()
                    ? async(pool, () -> PostgresServer.start(options.postgresPort(), data)) : null;
            var smtpStart = options.startSmtp() ? async(pool, () -> SmtpServer.start(options.smtpPort())) : null;

            awaitAll(kafkaStart, registryStart, postgresStart, smtpStart);
            kafka = kafkaStart.join();
            registry = registryStart.join();
            postgres = postgresStart == null ? null : postgresStart.join();
            smtp = smtpStart == null ? null : smtpStart.join();
        } finally {
            pool.shutdown();
        }
        List<String> created = TopicProvisioner.createMissing(kafka.bootstrapServers(), Topics.ALL, options.replicationFactor());
        log.info("Created {} topics of the catalog", created.size());
        schemaIds = new SchemaProvisioner(registry.confluentCompatibleUrl()).registerAll(Topics.ALL);
        if (options.startConnect()) {
            connect = register(startConnect(options.connectPort()));
        }
        log.info("ZMart local platform ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, pool);
    }

    /**
     * Waits for every start, registers each component that did start (so that close() stops it), and only then
     * rethrows the first failure: one component failing never leaves another running.
     */
    private void awaitAll(CompletableFuture<?>... starts) {
        RuntimeException failure = null;
        for (CompletableFuture<?> future : starts) {
            if (future == null) {
                continue;
            }
            try {
                register((AutoCloseable) future.join());
            } catch (RuntimeException e) {
                failure = failure == null ? unwrap(e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private <T extends AutoCloseable> T register(T component) {
        synchronized (running) {
            if (!closed) {
                running.push(component);
                return component;
            }
        }
        // Stopped while starting (Ctrl-C): this component came up too late to be stopped with the others.
        closeQuietly(component);
        throw new PlatformStartupException("The platform was stopped while starting");
    }

    private static void closeQuietly(AutoCloseable component) {
        long began = System.nanoTime();
        try {
            component.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
        }
        log.debug("Stopped {} in {} ms", component.getClass().getSimpleName(), (System.nanoTime() - began) / 1_000_000);
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir.resolve("logs"));
        } catch (java.io.IOException e) {
            throw new PlatformStartupException("Cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Immutable downloads (the unpacked registry) are shared between data directories. */
    static Path cacheDirectory() {
        String override = System.getenv("ZMART_CACHE_DIR");
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("zmart");
    }

    private ConnectWorker startConnect(int port) {
        if (options.ownProcesses()) {
            return ConnectWorker.startProcess(kafka.bootstrapServers(), registry.apiV2Url(), port,
                    options.replicationFactor(), pluginPath(), options.dataDirectory().toAbsolutePath()
                            .resolve("logs/connect.log"));
        }
        return ConnectWorker.start(kafka.bootstrapServers(), registry.apiV2Url(), port, options.replicationFactor(), pluginPath());
    }

    /** Stops the Kafka brokers (an outage, for fault tests); {@link #resumeKafka()} restarts them as they were. */
    public void suspendKafka() {
        kafka.suspend();
    }

    public void resumeKafka() {
        kafka.resume();
    }

    /**
     * Crashes Kafka node {@code id} with SIGKILL (platforms started with own processes): with three nodes the cluster
     * goes on without it; {@link #restartKafkaNode(int)} starts it again on its logs.
     */
    public void crashKafkaNode(int id) {
        kafka.crash(id);
    }

    public void restartKafkaNode(int id) {
        kafka.restart(id);
    }

    /**
     * Stops the Connect worker and starts a new one on the same port, as an operator restarting the worker process
     * would: connectors resume from the offsets the old worker committed.
     */
    public void restartConnect() {
        replaceConnect(ConnectWorker::close);
    }

    /**
     * Crashes the Connect worker with SIGKILL (platforms started with own processes) and starts a new one on the same
     * port: connectors resume from the last offsets the old worker had committed, and repeat what came after.
     */
    public void crashAndRestartConnect() {
        replaceConnect(ConnectWorker::kill);
    }

    /**
     * Stops the Connect worker ahead of the rest of the platform, for a caller that stops other things meanwhile (the
     * demo, its services); {@link #close()} then stops the others.
     */
    public void stopConnect() {
        ConnectWorker worker = connect;
        if (worker == null) {
            return;
        }
        synchronized (running) {
            if (!running.remove(worker)) {
                return;
            }
        }
        closeQuietly(worker);
    }

    private void replaceConnect(Consumer<ConnectWorker> stop) {
        ConnectWorker old = connect().orElseThrow(() -> new IllegalStateException("Kafka Connect is not running"));
        synchronized (running) {
            running.remove(old);
        }
        stop.accept(old);
        connect = register(startConnect(old.port()));
    }

    /** The suite's plugin folders first, then any the options add. */
    private List<Path> pluginPath() {
        List<Path> path = new java.util.ArrayList<>();
        Path builtIn = BuildInfo.connectPlugins();
        if (Files.isDirectory(builtIn)) {
            path.add(builtIn);
        } else {
            log.warn("No Connect plugins at {}: build the connect-plugins module (./mvnw install -DskipTests)", builtIn);
        }
        path.addAll(options.pluginPath());
        return path;
    }

    public PlatformOptions options() {
        return options;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public ApicurioRegistry registry() {
        return registry;
    }

    public Optional<PostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<SmtpServer> smtp() {
        return Optional.ofNullable(smtp);
    }

    public Optional<ConnectWorker> connect() {
        return Optional.ofNullable(connect);
    }

    /** Registry ids of the contracts registered at start, by subject. */
    public Map<String, Integer> schemaIds() {
        return schemaIds;
    }

    /** What a person needs to connect to each component. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("Kafka bootstrap servers", bootstrapServers());
        endpoints.put("Schema Registry (Confluent API)", registry.confluentCompatibleUrl());
        endpoints.put("Schema Registry (Apicurio API)", registry.apiV3Url());
        postgres().ifPresent(p -> endpoints.put("PostgreSQL (user postgres)",
                String.join(", ", PostgresServer.DATABASES.stream().map(p::jdbcUrl).toList())));
        connect().ifPresent(c -> endpoints.put("Kafka Connect REST API", c.url()));
        smtp().ifPresent(s -> endpoints.put("SMTP", Ports.LOOPBACK + ":" + s.port()));
        endpoints.put("Data directory", options.dataDirectory().toAbsolutePath().toString());
        return endpoints;
    }

    /** Process ids of the child processes the platform runs, for checks that nothing outlives it. */
    public List<Long> childProcesses() {
        return registry == null ? List.of() : registry.processTree();
    }

    /** Stops every component in reverse start order; safe to call twice, and from another thread while starting. */
    @Override
    public void close() {
        synchronized (running) {
            if (closed) {
                return;
            }
            closed = true;
            while (!running.isEmpty()) {
                closeQuietly(running.pop());
            }
        }
    }
}
