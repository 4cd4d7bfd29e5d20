package com.zmart.trends.bench;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.Sale;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.streams.time.EventTimeExtractor;
import com.zmart.streams.topic.StreamsTopics;
import com.zmart.trends.trends.StorePartitioner;
import com.zmart.trends.trends.TrendKeys;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The least an exactly-once Streams application aggregating the sales by store and department does: the same source,
 * serdes and repartition as the trends, then a plain {@code count()} per store and department (a cached, changelogged
 * store). Its rate on the benchmark's platform is the ceiling any design of the trends can reach there; the trends'
 * rate divided by it is how much the trends' own work costs on top of Kafka Streams.
 */
final class BaselineTopology {

    private BaselineTopology() {
    }

    static Topology build(StreamsTopics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        topics.stream(builder, Topics.SALES, consumed -> consumed.withTimestampExtractor(new EventTimeExtractor()))
                .filter((transactionId, sale) -> sale != null)
                .selectKey((transactionId, sale) -> TrendKeys.groupKey(sale))
                .repartition(Repartitioned.<String, Sale>as("baseline-by-store-department")
                        .withKeySerde(Serdes.String()).withValueSerde(new InternalAvroSerde<>(Sale.class))
                        .withStreamPartitioner(new StorePartitioner<>()))
                .groupByKey(Grouped.with(Serdes.String(), new InternalAvroSerde<>(Sale.class)))
                .count(Materialized.as("baseline-lines-per-store-department"));
        return builder.build();
    }
}
