package com.zmart.trends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zmart.contracts.serde.RegistrySerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.platform.LocalPlatform;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes sales and clicks to the platform as the connector and the clickstream producer do, and reads topics back. */
public final class PlatformTopics implements AutoCloseable {

    private final LocalPlatform platform;
    private final KafkaProducer<String, byte[]> producer;
    private final String registryUrl;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;

    public PlatformTopics(LocalPlatform platform, String... topics) {
        this.platform = platform;
        this.registryUrl = platform.registry().apiV3Url();
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "sales-trends-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** The Avro bytes a registry serializer writes for {@code value} on {@code topic}. */
    public byte[] avro(String topic, SpecificRecord value) {
        try (var serializer = RegistrySerdes.<SpecificRecord>valueSerializer(registryUrl)) {
            return serializer.serialize(topic, value);
        }
    }

    public void sell(Sale... lines) {
        for (Sale line : lines) {
            send(Topics.SALES.name(), line.getTransactionId(), avro(Topics.SALES.name(), line));
        }
    }

    public void click(ClickEvent click) {
        send(Topics.CLICKS.name(), click.getCustomerId(), avro(Topics.CLICKS.name(), click));
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }

    /** Polls once more and answers every record read so far (committed records only). */
    public List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(300)).forEach(read::add);
        return read;
    }

    /** Values of {@code topic} read so far, deserialized with the registry. */
    public <T extends SpecificRecord> List<T> values(String topic) {
        try (var deserializer = RegistrySerdes.<T>valueDeserializer(registryUrl)) {
            return records().stream().filter(r -> r.topic().equals(topic))
                    .map(r -> deserializer.deserialize(topic, r.value())).toList();
        }
    }

    public LocalPlatform platform() {
        return platform;
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
