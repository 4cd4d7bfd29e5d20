package com.zmart.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records are "group:member" strings; the filter must forward each identity once, whatever is cached or flushed. */
class FirstSeenFilterTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(1);

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, String> out;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(FirstSeenFilter.<String, String>supplier("seen", value -> value.split(":")[0],
                        value -> value.split(":")[1], RETENTION))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "first-seen-filter-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void forwardsEachMemberOfAGroupOnceAndKeepsGroupsApart() {
        in.pipeInput("k", "t1:1", T0);
        in.pipeInput("k", "t1:2", T0);
        in.pipeInput("k", "t1:1", T0);
        in.pipeInput("k", "t2:1", T0);
        in.pipeInput("k", "t1:2", T0);
        in.pipeInput("k", "t2:1", T0);

        assertThat(out.readValuesToList()).containsExactly("t1:1", "t1:2", "t2:1");
    }

    @Test
    void aCopyLaterInTheRetentionIsStillRecognised() {
        in.pipeInput("k", "t1:1", T0);
        in.pipeInput("k", "t9:1", T0.plus(Duration.ofMinutes(59)));
        in.pipeInput("k", "t1:1", T0);
        in.pipeInput("k", "t1:2", T0);

        assertThat(out.readValuesToList()).containsExactly("t1:1", "t9:1", "t1:2");
    }

    @Test
    void theSameGroupAtAnotherEventTimeIsAnotherGroup() {
        in.pipeInput("k", "t1:1", T0);
        in.pipeInput("k", "t1:1", T0.plusSeconds(1));

        assertThat(out.readValuesToList()).containsExactly("t1:1", "t1:1");
    }

    @Test
    void dropsRecordsOlderThanTheRetentionBehindStreamTime() {
        in.pipeInput("k", "t9:1", T0.plus(RETENTION));
        in.pipeInput("k", "t1:1", T0);
        in.pipeInput("k", "t2:1", T0.plusMillis(1));

        assertThat(out.readValuesToList()).containsExactly("t9:1", "t2:1");
    }

    @Test
    void remembersAGroupInOneStoreEntry() {
        in.pipeInput("k", "t1:1", T0);
        in.pipeInput("k", "t1:2", T0);
        in.pipeInput("k", "t1:3", T0);

        assertThat(driver.<String, List<String>>getWindowStore("seen").fetch("t1", T0.toEpochMilli()))
                .containsExactly("1", "2", "3");
    }
}
