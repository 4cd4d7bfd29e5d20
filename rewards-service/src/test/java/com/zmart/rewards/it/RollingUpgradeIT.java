package com.zmart.rewards.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.zmart.contracts.evolution.EvolvedContracts;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.RewardUpdate;
import com.zmart.events.Sale;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.rewards.RewardsFixtures;
import com.zmart.rewards.state.MemberRewards;
import com.zmart.rewards.topology.RewardsTopology;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.streams.topic.StreamsTopics;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling upgrade across BACKWARD-compatible changes of {@code Sale} (a public contract) and {@code MemberRewards}
 * (the member store's value): the next version is this code compiled against test-only evolutions of both, each with
 * a new field ({@link EvolvedContracts}). The old version leaves its member store's changelog and sale lines in flight
 * in the repartition topic; the next version, on a new state directory, restores the one and reads the other, and every
 * member's points come out exact.
 */
@LocalPlatformTest
class RollingUpgradeIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int MEMBERS = 10;

    @TempDir
    Path work;

    @Test
    void theNextVersionReadsWhatTheOldOneLeftInItsChangelogAndRepartitionTopic(LocalPlatform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String applicationId = "rewards-upgrade-" + run;
        Map<String, Long> expected = new HashMap<>();

        // The old version (this code as built) counts a first batch; its member store's changelog holds the totals.
        List<Sale> before = sales(run, "before", 200, expected);
        try (KafkaStreams old = new KafkaStreams(RewardsTopology.buildTopology(RewardsFixtures.properties(),
                StreamsTopics.registry(platform.registry().apiV3Url())), config(platform, applicationId, "old"))) {
            old.start();
            RewardsIT.publishSales(platform, before);
            await().atMost(WAIT).untilAsserted(() -> assertThat(totals(platform, run)).isEqualTo(expected));
        }
        // Sale lines it had keyed by member and not yet counted when it stopped: in its repartition topic, as it wrote
        // them (the old version's serde).
        List<Sale> inFlight = sales(run, "in-flight", 100, expected);
        try (var producer = new KafkaProducer<>(RewardsIT.producerConfig(platform), new StringSerializer(),
                new InternalAvroSerde<>(Sale.class).serializer())) {
            for (Sale line : inFlight) {
                producer.send(new ProducerRecord<>(applicationId + "-" + RewardsTopology.SALES_BY_MEMBER
                        + "-repartition", line.getLoyaltyMemberId(), line));
            }
        }

        ClassLoader next = EvolvedContracts.loader(work.resolve("next-version"),
                EvolvedContracts.withField(Sale.getClassSchema(), "channel", "store"),
                EvolvedContracts.withField(MemberRewards.getClassSchema(), "homeStoreId", "unknown"));
        assertThat(schemaIn(next, Sale.class).getField("channel")).as("the next version's Sale").isNotNull();
        assertThat(schemaIn(next, MemberRewards.class).getField("homeStoreId")).as("its MemberRewards").isNotNull();

        List<Sale> after = sales(run, "after", 200, expected);
        Topology nextTopology = withContextLoader(next, () -> {
            Class<?> fixtures = next.loadClass(RewardsFixtures.class.getName());
            Object properties = fixtures.getMethod("properties").invoke(null);
            Class<?> topics = next.loadClass(StreamsTopics.class.getName());
            Object registryTopics = topics.getMethod("registry", String.class).invoke(null, platform.registry().apiV3Url());
            return (Topology) next.loadClass(RewardsTopology.class.getName())
                    .getMethod("buildTopology", properties.getClass(), topics).invoke(null, properties, registryTopics);
        });
        KafkaStreams upgraded = withContextLoader(next, () -> new KafkaStreams(nextTopology,
                config(platform, applicationId, "next")));
        try (upgraded) {
            upgraded.start();
            RewardsIT.publishSales(platform, after);
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(upgraded.state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(totals(platform, run)).isEqualTo(expected);
            });
        }
    }

    /** {@code count} one-line purchases of 3.00 (3 points each) spread over the members, added to {@code expected}. */
    private static List<Sale> sales(String run, String batch, int count, Map<String, Long> expected) {
        List<Sale> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String member = "member-" + run + "-" + (i % MEMBERS);
            lines.add(RewardsFixtures.sale("t-" + run + "-" + batch + "-" + i, 1, member, "3.00", 1)
                    .setPurchasedAt(Instant.now()).build());
            expected.merge(member, 3L, Long::sum);
        }
        return lines;
    }

    /** Each member's latest total on the reward updates, as committed. */
    private static Map<String, Long> totals(LocalPlatform platform, String run) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Long> totals = new HashMap<>();
        TopicSerdes serdes = TopicSerdes.registry(platform.registry().apiV3Url());
        try (var consumer = new KafkaConsumer<>(config, serdes.keyDeserializer(Topics.REWARD_UPDATES),
                serdes.valueDeserializer(Topics.REWARD_UPDATES))) {
            var partitions = consumer.partitionsFor(Topics.REWARD_UPDATES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, RewardUpdate> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().startsWith("member-" + run + "-")) {
                        totals.merge(record.key(), record.value().getTotalPoints(), Math::max);
                    }
                }
            }
        }
        return totals;
    }

    private Properties config(LocalPlatform platform, String applicationId, String stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        // The pod of a StatefulSet replaced by its next version: the same static member of the group takes its tasks
        // back at once; on a new state directory, it restores the member store from the changelog.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), applicationId + "-0");
        config.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve(stateDir).toString());
        return config;
    }

    /** The schema of {@code record}'s class in {@code loader}, whose Avro classes are its own: read from its JSON. */
    private static Schema schemaIn(ClassLoader loader, Class<?> record) throws Exception {
        return new Schema.Parser().parse(loader.loadClass(record.getName()).getMethod("getClassSchema").invoke(null)
                .toString());
    }

    /** Runs {@code action} with {@code loader} as the context loader, which Kafka uses for classes named in configs. */
    private static <T> T withContextLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
