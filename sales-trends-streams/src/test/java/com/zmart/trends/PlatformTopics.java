package com.zmart.trends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.testing.TestKafka;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Writes sales and clicks to the platform as the connector and the clickstream producer do, and reads topics back. */
public final class PlatformTopics implements AutoCloseable {

    private final LocalPlatform platform;
    private final TestKafka kafka;
    private final TopicSerdes serdes;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;

    public PlatformTopics(LocalPlatform platform, String... topics) {
        this.platform = platform;
        this.serdes = TopicSerdes.registry(platform.registry().apiV3Url());
        this.kafka = new TestKafka(platform);
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "sales-trends-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** The Avro bytes a registry serializer writes for {@code value} on {@code topic}. */
    public <V extends SpecificRecord> byte[] avro(TopicSpec<String, V> topic, V value) {
        return kafka.serialize(topic, value);
    }

    public void sell(Sale... lines) {
        for (Sale line : lines) {
            kafka.send(Topics.SALES, line.getTransactionId(), line);
        }
    }

    public void click(ClickEvent click) {
        kafka.send(Topics.CLICKS, click.getCustomerId(), click);
    }

    public void send(String topic, String key, byte[] value) {
        kafka.sendBytes(topic, key, value);
    }

    /** Polls once more and answers every record read so far (committed records only). */
    public List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(300)).forEach(read::add);
        return read;
    }

    /** Values of {@code topic} read so far, deserialized with the topic's registry deserializer. */
    public <T extends SpecificRecord> List<T> values(TopicSpec<?, T> topic) {
        try (var deserializer = serdes.valueDeserializer(topic)) {
            return records().stream().filter(r -> r.topic().equals(topic.name()))
                    .map(r -> deserializer.deserialize(r.topic(), r.value())).toList();
        }
    }

    /** The latest value of each key of {@code topic} read so far. */
    public <T extends SpecificRecord> Map<String, T> latest(TopicSpec<?, T> topic) {
        Map<String, T> latest = new LinkedHashMap<>();
        try (var deserializer = serdes.valueDeserializer(topic)) {
            records().stream().filter(r -> r.topic().equals(topic.name()))
                    .forEach(r -> latest.put(r.key(), deserializer.deserialize(r.topic(), r.value())));
        }
        return latest;
    }

    public LocalPlatform platform() {
        return platform;
    }

    @Override
    public void close() {
        kafka.close();
        consumer.close();
    }
}
