package com.zmart.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zmart.contracts.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokersIT {

    @TempDir
    Path data;

    @Test
    void recordsSurviveARestartOnTheSameDataDirectory() throws Exception {
        try (KafkaBrokers kafka = KafkaBrokers.start(1, 0, data)) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            TopicProvisioner.createMissing(kafka.bootstrapServers(), List.of(Topics.CLICKS), (short) 1);
            try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.CLICKS.name(), "cust-1", "kept")).get();
            }
        }

        try (KafkaBrokers kafka = KafkaBrokers.start(1, 0, data)) {
            assertThat(TopicProvisioner.createMissing(kafka.bootstrapServers(), List.of(Topics.CLICKS), (short) 1))
                    .as("the topic is still there").isEmpty();
            assertThat(readAll(kafka.bootstrapServers(), Topics.CLICKS.name())).extracting(ConsumerRecord::value)
                    .containsExactly("kept");
        }
    }

    @Test
    void anOutageStopsTheBrokersAndResumingBringsThemBackWithTheirData() throws Exception {
        try (KafkaBrokers kafka = KafkaBrokers.start(1, 0, data)) {
            TopicProvisioner.createMissing(kafka.bootstrapServers(), List.of(Topics.CLICKS), (short) 1);
            kafka.suspend();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "default.api.timeout.ms", "2000", "request.timeout.ms", "1000"))) {
                assertThatThrownBy(() -> admin.listTopics().names().get()).isInstanceOf(Exception.class);
            }

            kafka.resume();

            assertThat(TopicProvisioner.createMissing(kafka.bootstrapServers(), List.of(Topics.CLICKS), (short) 1)).isEmpty();
        }
    }

    @Test
    void threeBrokersReplicateEveryPartitionThreeTimes() throws Exception {
        try (KafkaBrokers kafka = KafkaBrokers.start(3, 0, data);
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
            TopicProvisioner.createMissing(kafka.bootstrapServers(), List.of(Topics.SALES), (short) 3);

            TopicDescription sales = admin.describeTopics(List.of(Topics.SALES.name())).allTopicNames().get()
                    .get(Topics.SALES.name());
            assertThat(sales.partitions()).hasSize(Topics.SALES.partitions())
                    .allSatisfy(p -> assertThat(p.isr()).hasSize(3));
            var config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.SALES.name())))
                    .all().get().values().iterator().next();
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            assertThat(config.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
        }
    }

    /**
     * Each node needs two ports chosen before it binds either; two clusters started side by side, again and again,
     * took one port twice before ports were remembered (the listeners' "two listeners on the same port" failure).
     */
    @Test
    void clustersStartedSideBySideAgainAndAgainNeverShareAPort() throws Exception {
        for (int round = 0; round < 2; round++) {
            Path first = data.resolve("round-" + round + "-a");
            Path second = data.resolve("round-" + round + "-b");
            var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> KafkaBrokers.start(3, 0, second));
            try (KafkaBrokers kafka = KafkaBrokers.start(3, 0, first); KafkaBrokers sideBySide = other.join()) {
                assertThat(kafka.bootstrapServers().split(",")).hasSize(3)
                        .doesNotContainAnyElementsOf(List.of(sideBySide.bootstrapServers().split(",")));
                TopicProvisioner.createMissing(kafka.bootstrapServers(), List.of(Topics.CLICKS), (short) 3);
                TopicProvisioner.createMissing(sideBySide.bootstrapServers(), List.of(Topics.CLICKS), (short) 3);
            }
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "restart-check", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
