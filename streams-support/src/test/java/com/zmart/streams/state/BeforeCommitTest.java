package com.zmart.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A processor that counts records per key in a map and writes the map to its (uncached, logged) store only from
 * {@link BeforeCommit}: the store and its changelog must hold every record the driver committed, under exactly-once.
 * This pins the one Streams contract the hook relies on (a commit is prepared by flushing the stores' caches); if a
 * Streams upgrade stops calling it, the counts stay in the map and these tests fail.
 */
class BeforeCommitTest {

    private static final String APPLICATION_ID = "before-commit-test";
    private static final String COUNTS = "counts";
    private static final String HOOK = "counts-before-commit";

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String())).process(new CountsWrittenBeforeCommit());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), config);
        in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void theStoreHoldsEveryRecordOfACommitThoughTheProcessorOnlyChangedItsMap() {
        in.pipeInput("a", "1");
        in.pipeInput("a", "2");
        in.pipeInput("b", "3");

        KeyValueStore<String, Long> counts = driver.getKeyValueStore(COUNTS);
        assertThat(counts.get("a")).isEqualTo(2L);
        assertThat(counts.get("b")).isEqualTo(1L);
    }

    @Test
    void theChangelogGetsTheKeysChangedSinceTheLastCommitOnly() {
        TestOutputTopic<String, Long> changelog = driver.createOutputTopic(APPLICATION_ID + "-" + COUNTS + "-changelog",
                Serdes.String().deserializer(), Serdes.Long().deserializer());

        in.pipeInput("a", "1");
        in.pipeInput("b", "2");
        in.pipeInput("a", "3");

        // The driver commits after each record: one write per commit, of the key that record changed.
        assertThat(changelog.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
                .containsExactly("a=1", "b=1", "a=2");
    }

    /** Counts per key in a map; writes the keys counted since the last commit to the store, before the next one. */
    private static final class CountsWrittenBeforeCommit implements ProcessorSupplier<String, String, Void, Void> {

        @Override
        public Processor<String, String, Void, Void> get() {
            return new Processor<>() {
                private final Map<String, Long> counted = new HashMap<>();
                private final Map<String, Long> changed = new HashMap<>();

                @Override
                public void init(ProcessorContext<Void, Void> context) {
                    KeyValueStore<String, Long> store = context.getStateStore(COUNTS);
                    context.<BeforeCommit>getStateStore(HOOK).run(() -> {
                        changed.forEach(store::put);
                        changed.clear();
                    });
                }

                @Override
                public void process(Record<String, String> record) {
                    long count = counted.merge(record.key(), 1L, Long::sum);
                    changed.put(record.key(), count);
                }
            };
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(COUNTS), Serdes.String(),
                    Serdes.Long()).withCachingDisabled(), BeforeCommit.storeBuilder(HOOK));
        }
    }
}
