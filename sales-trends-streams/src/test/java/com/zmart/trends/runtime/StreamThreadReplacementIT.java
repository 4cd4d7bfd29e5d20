package com.zmart.trends.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.streams.runtime.ManagedKafkaStreams;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

/**
 * A stream thread that dies of an exception nothing handled is replaced, on the real broker and under exactly-once:
 * the record it died on is processed by the new thread, once, and the instance is not reported broken.
 */
@LocalPlatformTest
class StreamThreadReplacementIT {

    private static final String INPUT = "stream-thread-replacement-in";
    private static final String OUTPUT = "stream-thread-replacement-out";

    @Test
    void aThreadThatDiesIsReplacedAndItsRecordProcessedOnce(LocalPlatform platform, @TempDir Path stateDirectory)
            throws Exception {
        String bootstrap = platform.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(INPUT, 1, (short) 1), new NewTopic(OUTPUT, 1, (short) 1)))
                    .all().get();
        }
        List<Object> events = new CopyOnWriteArrayList<>();
        ManagedKafkaStreams streams = new ManagedKafkaStreams("Replacement test", failingOnce(),
                () -> config(bootstrap, stateDirectory), new DefaultKafkaClientSupplier(), events::add);
        streams.start();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            for (String value : List.of("first", "boom", "last")) {
                producer.send(new ProducerRecord<>(INPUT, value, value)).get();
            }
        }

        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "replacement-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(OUTPUT));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    out.add(record.value());
                }
                return out.size() >= 3;
            });
            // Anything written twice would be committed by now as well.
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> out.add(record.value()));
        } finally {
            KafkaStreams.State after = streams.state();
            streams.stop();
            assertThat(after).as("the instance's streams after the failure").isEqualTo(KafkaStreams.State.RUNNING);
        }
        assertThat(out).containsExactly("first", "boom", "last");
        assertThat(events).noneMatch(event -> event instanceof AvailabilityChangeEvent<?> change
                && change.getState() == LivenessState.BROKEN);
    }

    /** Copies input to output, but its thread dies the first time it sees "boom" (before committing it). */
    private static Topology failingOnce() {
        AtomicBoolean failed = new AtomicBoolean();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()))
                .peek((key, value) -> {
                    if (value.equals("boom") && failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("the stream thread dies here once");
                    }
                })
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static Properties config(String bootstrap, Path state) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "stream-thread-replacement");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        // The dead thread's consumer stays in the group until its session ends (Streams does not leave on close); the
        // broker's smallest session keeps the test short.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        return config;
    }
}
