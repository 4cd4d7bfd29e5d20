package com.zmart.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.zmart.contracts.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
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

/**
 * The platform as {@code zmart-platform --brokers 3} starts it: every topic it creates, the catalog's and Kafka
 * Connect's own, has three replicas all in sync and min.insync.replicas 2, so an acks=all write survives a broker.
 */
class ThreeBrokerPlatformIT {

    @TempDir
    Path data;

    @Test
    void threeBrokersReplicateTheCatalogAndConnectTopicsThreeTimes() throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(PlatformOptions.forTests(data).withBrokers(3)
                .withComponents(true, false, false));
             Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
            assertThat(platform.bootstrapServers().split(",")).hasSize(3);
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);

            HttpResponse<String> connect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(platform.connect().orElseThrow().url() + "/connectors")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(connect.statusCode()).as("Connect REST API on the cluster").isEqualTo(200);

            // The herder creates its config topic on its own thread, shortly after the REST API answers.
            Set<String> connectTopics = await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names()
                    .get().stream().filter(name -> name.startsWith("zmart-connect-")).collect(Collectors.toSet()),
                    names -> names.size() == 3);
            List<String> topics = new ArrayList<>(Topics.ALL.stream().map(topic -> topic.name()).toList());
            topics.addAll(connectTopics);

            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions())
                    .as("replicas of %s", topic.name())
                    .allSatisfy(partition -> {
                        assertThat(partition.replicas()).hasSize(3);
                        assertThat(partition.isr()).hasSize(3);
                    }));
            Collection<Config> configs = admin.describeConfigs(Topics.ALL.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name())).toList()).all().get()
                    .values();
            assertThat(configs).hasSize(Topics.ALL.size())
                    .allSatisfy(config -> assertThat(config.get("min.insync.replicas").value()).isEqualTo("2"));

            admin.createTopics(List.of(new NewTopic("zmart-three-broker-check", 1, (short) 3))).all().get();
            assertThat(roundTrip(platform.bootstrapServers(), "zmart-three-broker-check"))
                    .as("an acks=all write read back").isEqualTo("replicated");
        }
    }

    private static String roundTrip(String bootstrap, String topic) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "replicated")).get();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
                "group.id", "three-broker-check", "auto.offset.reset", "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
        }
        return null;
    }
}
