package com.zmart.platform.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.platform.LocalPlatform;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's producer and readers on a running {@link LocalPlatform}: records are written as bytes, serialized by their
 * topic's registry serdes from the catalog as a service writes them, and read back as bytes.
 */
public final class TestKafka implements AutoCloseable {

    private final LocalPlatform platform;
    private final KafkaProducer<String, byte[]> producer;
    private final TopicSerdes serdes;
    /** By topic: built once, closed with this. */
    private final Map<String, Serializer<?>> serializers = new ConcurrentHashMap<>();

    public TestKafka(LocalPlatform platform) {
        this.platform = platform;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.serdes = TopicSerdes.registry(platform.registry().apiV3Url());
    }

    /** The Confluent-wire-format bytes a service would write for this record. */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> byte[] serialize(TopicSpec<String, V> topic, V value) {
        Serializer<V> serializer = (Serializer<V>) serializers.computeIfAbsent(topic.name(),
                name -> serdes.valueSerializer(topic));
        return serializer.serialize(topic.name(), value);
    }

    public <V extends SpecificRecord> RecordMetadata send(TopicSpec<String, V> topic, String key, V value) {
        return sendBytes(topic.name(), key, serialize(topic, value));
    }

    /** Sends every value under its key without waiting for each, then waits until all are acknowledged. */
    public <V extends SpecificRecord> void sendAll(TopicSpec<String, V> topic, Function<V, String> key, List<V> values) {
        List<Future<RecordMetadata>> sent = values.stream()
                .map(value -> producer.send(new ProducerRecord<>(topic.name(), key.apply(value), serialize(topic, value))))
                .toList();
        producer.flush();
        for (Future<RecordMetadata> each : sent) {
            acknowledged(topic.name(), each);
        }
    }

    /** Sends and waits for the acknowledgement. */
    public RecordMetadata sendBytes(String topic, String key, byte[] value) {
        return acknowledged(topic, producer.send(new ProducerRecord<>(topic, key, value)));
    }

    private static RecordMetadata acknowledged(String topic, Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Send to " + topic + " failed", e);
        }
    }

    /**
     * Every committed record of the topic, from its beginning to its end as of now, as bytes: for a test that has no
     * platform object, only its address (the suite's processes).
     */
    public static List<ConsumerRecord<byte[], byte[]>> readCommitted(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // Whole topics of a long run: large polls.
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 50 * 1024 * 1024);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public Reader reader(TopicSpec<?, ?> topic) {
        return new Reader(topic);
    }

    @Override
    public void close() {
        producer.close();
        serializers.values().forEach(Serializer::close);
    }

    /** Reads a whole topic from its beginning and keeps every record. */
    public final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<TopicPartition> partitions;
        private final Deserializer<?> deserializer;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        private Reader(TopicSpec<?, ?> spec) {
            String topic = spec.name();
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
            partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            deserializer = serdes.valueDeserializer(spec);
        }

        /** Reads up to the end offsets of now: afterwards every record written before the call is in {@link #records()}. */
        public Reader readToEnd() {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                poll();
            }
            return this;
        }

        /** Waits up to 60 s until at least {@code count} records match. */
        public List<ConsumerRecord<String, byte[]>> awaitMatching(Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
            return awaitMatching(matching, count, Duration.ofSeconds(60));
        }

        /** Waits up to {@code timeout} until at least {@code count} records match. */
        public List<ConsumerRecord<String, byte[]>> awaitMatching(Predicate<ConsumerRecord<String, byte[]>> matching, int count,
                                                                  Duration timeout) {
            await().atMost(timeout).until(() -> {
                poll();
                return matching(matching).size() >= count;
            });
            return matching(matching);
        }

        public List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> matching) {
            return records.stream().filter(matching).toList();
        }

        public List<ConsumerRecord<String, byte[]>> records() {
            return List.copyOf(records);
        }

        /** The record's value, read with its topic's deserializer. */
        @SuppressWarnings("unchecked")
        public <V extends SpecificRecord> V value(ConsumerRecord<String, byte[]> record) {
            return (V) deserializer.deserialize(record.topic(), record.value());
        }

        /** The value as a record of {@code writtenFor}: a dead letter holds its record in the source topic's contract. */
        public <V> V value(ConsumerRecord<String, byte[]> record, TopicSpec<?, V> writtenFor) {
            try (Deserializer<V> contract = serdes.valueDeserializer(writtenFor)) {
                return contract.deserialize(writtenFor.name(), record.value());
            }
        }

        private void poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }

        @Override
        public void close() {
            consumer.close();
            deserializer.close();
        }
    }
}
