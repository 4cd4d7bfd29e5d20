package com.zmart.streams.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.Sale;
import com.zmart.streams.testing.DriverTopics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A topology reads and writes catalog topics by their spec: name, serdes and node names from one call each. */
class StreamsTopicsTest {

    @TempDir
    Path stateDir;

    private final DriverTopics driverTopics = new DriverTopics();
    private final StreamsTopics topics = driverTopics.streamsTopics();

    @Test
    void aStreamReadFromOneTopicIsWrittenToAnotherWithEachTopicsSerdes() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Sale> sales = topics.stream(builder, Topics.SALES, consumed -> consumed.withName("in"));
        topics.to(sales.mapValues(sale -> sale.getTransactionId().getBytes()), Topics.SALES_TRENDS_DLT, "out");

        TopologyDescription description = builder.build().describe();
        assertThat(description.toString()).contains("Source: in (topics: [" + Topics.SALES.name() + "])")
                .contains("Sink: out (topic: " + Topics.SALES_TRENDS_DLT.name() + ")");

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "streams-topics-test");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            driverTopics.input(driver, Topics.SALES).pipeInput("tx-1", sale("tx-1"));
            assertThat(driverTopics.output(driver, Topics.SALES_TRENDS_DLT).readKeyValue())
                    .satisfies(kv -> {
                        assertThat(kv.key).isEqualTo("tx-1");
                        assertThat(kv.value).asString().isEqualTo("tx-1");
                    });
        }
    }

    private static Sale sale(String transactionId) {
        return ContractFixtures.sale().setTransactionId(transactionId).build();
    }
}
