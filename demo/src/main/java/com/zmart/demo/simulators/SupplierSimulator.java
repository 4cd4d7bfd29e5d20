package com.zmart.demo.simulators;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.demo.supervision.Supervised;
import com.zmart.events.ReorderRequest;
import com.zmart.events.Restock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The suppliers of the demo: each reorder on {@code zmart.reorders} is delivered {@code delay} later as a restock on
 * {@code zmart.restocks} (the quantity ordered, naming the reorder), which inventory applies and which closes the
 * reorder. A reorder's offset is committed once its restock is acknowledged, so a restart delivers what was pending;
 * a restock sent twice keeps its id ({@code restock-<reorderId>}) and inventory applies it once.
 */
public final class SupplierSimulator implements AutoCloseable {

    public static final String NAME = "supplier";
    static final String GROUP = "zmart-demo-supplier";

    private final String bootstrapServers;
    private final TopicSerdes serdes;
    private final Duration delay;
    private final Path log;
    private volatile KafkaConsumer<String, ReorderRequest> consumer;
    private volatile Thread thread;
    private volatile String failure;
    private volatile boolean stopRequested;

    private SupplierSimulator(String bootstrapServers, String registryApiUrl, Duration delay, Path log) {
        this.bootstrapServers = bootstrapServers;
        this.serdes = TopicSerdes.registry(registryApiUrl);
        this.delay = delay;
        this.log = log;
    }

    /** {@code log}: where the demo's own log is, which reports a failure. */
    public static SupplierSimulator start(String bootstrapServers, String registryApiUrl, Duration delay, Path log) {
        SupplierSimulator supplier = new SupplierSimulator(bootstrapServers, registryApiUrl, delay, log);
        supplier.startThread();
        return supplier;
    }

    private void startThread() {
        failure = null;
        consumer = new KafkaConsumer<>(consumerConfig(), serdes.keyDeserializer(Topics.REORDERS),
                serdes.valueDeserializer(Topics.REORDERS));
        thread = new Thread(this::deliver, "supplier-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    private void deliver() {
        Deque<Pending> pending = new ArrayDeque<>();
        Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
        try (KafkaConsumer<String, ReorderRequest> reorders = consumer;
             KafkaProducer<String, Restock> restocks = new KafkaProducer<>(producerConfig(),
                     serdes.keySerializer(Topics.RESTOCKS), serdes.valueSerializer(Topics.RESTOCKS))) {
            reorders.subscribe(List.of(Topics.REORDERS.name()));
            while (!stopRequested) {
                for (ConsumerRecord<String, ReorderRequest> record : reorders.poll(Duration.ofMillis(500))) {
                    pending.add(new Pending(record, Instant.now().plus(delay)));
                }
                boolean sent = false;
                while (!pending.isEmpty() && !pending.peek().due().isAfter(Instant.now())) {
                    ReorderRequest reorder = pending.poll().record().value();
                    restocks.send(new ProducerRecord<>(Topics.RESTOCKS.name(), reorder.getStoreId() + "/" + reorder.getSku(),
                            restockFor(reorder)));
                    sent = true;
                }
                if (sent) {
                    restocks.flush();
                }
                // Only when a position moved: an idle supplier polls every half second and has nothing to commit.
                Map<TopicPartition, OffsetAndMetadata> offsets = committable(reorders, pending);
                if (!offsets.equals(committed)) {
                    reorders.commitSync(offsets);
                    committed = offsets;
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up.
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Up to the first reorder still waiting for its delivery in each partition; all that was read elsewhere. */
    private static Map<TopicPartition, OffsetAndMetadata> committable(KafkaConsumer<?, ?> consumer, Deque<Pending> pending) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            offsets.put(partition, new OffsetAndMetadata(consumer.position(partition)));
        }
        for (var waiting = pending.descendingIterator(); waiting.hasNext(); ) {
            ConsumerRecord<?, ?> record = waiting.next().record();
            offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset()));
        }
        return offsets;
    }

    static Restock restockFor(ReorderRequest reorder) {
        return Restock.newBuilder()
                .setRestockId("restock-" + reorder.getReorderId())
                .setStoreId(reorder.getStoreId())
                .setSku(reorder.getSku())
                .setQuantity(reorder.getQuantityToOrder())
                .setReorderId(reorder.getReorderId())
                .setReceivedAt(Instant.now())
                .build();
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Reorders come from inventory's transactional outbox relay.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    public Supervised supervised() {
        return new Supervised(NAME, () -> thread.isAlive() ? Optional.empty() : Optional.ofNullable(failure),
                () -> false, () -> log, this::startThread);
    }

    @Override
    public void close() throws InterruptedException {
        stopRequested = true;
        consumer.wakeup();
        thread.join(5_000);
    }

    private record Pending(ConsumerRecord<String, ReorderRequest> record, Instant due) {
    }
}
