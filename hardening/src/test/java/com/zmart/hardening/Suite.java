package com.zmart.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.demo.DemoOptions;
import com.zmart.demo.ZmartDemo;
import com.zmart.demo.services.ServiceProcess;
import com.zmart.demo.services.SuiteService;
import com.zmart.platform.PlatformOptions;
import com.zmart.platform.testing.TestKafka;
import com.zmart.sales.simulator.StoreCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole suite (platform, connectors, every service from its own jar), started once per test JVM and shared by
 * the test classes of this module: starting it costs a minute or more of the CI budget per start. Each test works on
 * its own ids and its own event-time range ({@link #eventTimeRange}), and compares against baselines it reads first,
 * so the classes do not depend on each other's data.
 */
public final class Suite implements AutoCloseable {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final List<SuiteService> CONSUMERS = List.of(SuiteService.REWARDS, SuiteService.INVENTORY,
            SuiteService.SALES_TRENDS);
    static final ObjectMapper JSON = new ObjectMapper();

    private static Instant nextEventTime = Instant.EPOCH;

    private final ZmartDemo zmart;
    private final Path data;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Reads the checks' thousands of keys a few at a time: one by one, each waits out a round trip. */
    private final ExecutorService readers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "suite-reader");
        thread.setDaemon(true);
        return thread;
    });

    private Suite(ZmartDemo zmart, Path data) {
        this.zmart = zmart;
        this.data = data;
    }

    /** Under target/, so the services' logs are there to read after a failed run. */
    static Suite start() {
        Path data = Path.of("target", "suite").toAbsolutePath();
        deleteRecursively(data);
        long started = System.nanoTime();
        // Three Kafka nodes (replication factor 3, min.insync.replicas 2) and the Connect worker in JVMs of their own,
        // as in production: the fault test crashes one node and the worker with SIGKILL.
        ZmartDemo zmart = ZmartDemo.start(new DemoOptions(PlatformOptions.forTests(data).withBrokers(3)
                .withOwnProcesses(), 0, 0, 0, Duration.ZERO, DemoOptions.DEFAULT_JAVA_OPTIONS));
        System.out.printf("[hardening] suite ready in %d s (data %s)%n", (System.nanoTime() - started) / 1_000_000_000L,
                data);
        return new Suite(zmart, data);
    }

    public ZmartDemo zmart() {
        return zmart;
    }

    public ServiceProcess service(SuiteService service) {
        return zmart.service(service);
    }

    public StoreCatalog catalog() {
        return zmart.registers().catalog();
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public String bootstrapServers() {
        return zmart.platform().bootstrapServers();
    }

    public String registryApiUrl() {
        return zmart.platform().registry().apiV3Url();
    }

    /**
     * A span of event time no earlier than any range handed out before, starting at the next whole minute: later
     * tests never write lines older than earlier tests' (the Streams services would drop them as late).
     */
    public static synchronized Instant eventTimeRange(Duration span) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        if (start.isBefore(nextEventTime)) {
            start = nextEventTime;
        }
        nextEventTime = start.plus(span).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        return start;
    }

    // --- Kafka ---

    /** Idempotent, acks=all: a record the test counts as produced is on the topic exactly once. */
    public KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Longer than a broker restart: the producer keeps retrying instead of failing the send.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The services' own value serializer of the topic (Confluent wire format, the registered contract). */
    public <V> Serializer<V> serializer(TopicSpec<?, V> topic) {
        return TopicSerdes.registry(registryApiUrl()).valueSerializer(topic);
    }

    /** The services' own value deserializer of the topic: it reads only the topic's contract. */
    public <V> Deserializer<V> deserializer(TopicSpec<?, V> topic) {
        return TopicSerdes.registry(registryApiUrl()).valueDeserializer(topic);
    }

    /** Every committed record of the topic, from its beginning to its end as of now. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(TopicSpec<?, ?> topic) {
        return readAll(topic.name());
    }

    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TestKafka.readCommitted(bootstrapServers(), topic);
    }

    // --- HTTP ---

    /** Every request carries the local API key: customer data and writes need it (issue 10, access control). */
    public HttpRequest.Builder request(SuiteService service, String path) {
        return HttpRequest.newBuilder(URI.create(service(service).url(path))).timeout(Duration.ofSeconds(30))
                .header(API_KEY_HEADER, SuiteService.LOCAL_API_KEY);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON body of a 200, or null for a 404; anything else fails. */
    public JsonNode getJsonOr404(SuiteService service, String path) {
        HttpResponse<String> response = send(request(service, path).GET().build());
        // 503 + Retry-After while Streams state moves between instances (ADR 0010): ask again.
        for (int attempt = 0; response.statusCode() == 503 && attempt < 60; attempt++) {
            ConsumerLag.sleep(Duration.ofSeconds(1));
            response = send(request(service, path).GET().build());
        }
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + service.name() + ": " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #getJsonOr404} of each path, under its key (in the order of {@code paths}; null for a 404). */
    public <K> Map<K, JsonNode> getAllJsonOr404(SuiteService service, Map<K, String> paths) {
        Map<K, CompletableFuture<JsonNode>> answers = new LinkedHashMap<>();
        paths.forEach((key, path) -> answers.put(key,
                CompletableFuture.supplyAsync(() -> getJsonOr404(service, path), readers)));
        Map<K, JsonNode> bodies = new LinkedHashMap<>();
        answers.forEach((key, answer) -> bodies.put(key, answer.join()));
        return bodies;
    }

    /** True when every service answers its readiness probe with 200. */
    public boolean allReady() {
        for (SuiteService service : SuiteService.ALL) {
            try {
                if (send(request(service, "/actuator/health/readiness").GET().build()).statusCode() != 200) {
                    return false;
                }
            } catch (UncheckedIOException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        readers.shutdownNow();
        zmart.close();
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + path, e);
        }
    }
}
