package com.zmart.trends.trends;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.streams.topic.StreamsTopics;
import com.zmart.trends.config.TrendsProperties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The trends sub-topology:
 * <pre>
 * unique sale lines → re-key storeId/department, partitioned by store ("sales-by-store-department")
 *   → the line's pane (one minute of its store and department for the default views) [trends-panes], and the
 *     pane marked changed [trends-changed-panes] (WindowedTrendsProcessor)
 *   → each emit interval, every window of every configured view (tumbling-1m, hopping-1h-5m, ...) holding a changed
 *     pane, built from the panes, as SalesTrend, key storeId/department/kind/windowStart
 *     → zmart.sales-trends (see ADR 0009)
 * </pre>
 */
public final class TrendsTopology {

    public static final String SALES_BY_STORE_DEPARTMENT = "sales-by-store-department";

    private TrendsTopology() {
    }

    public static void addTo(KStream<String, Sale> uniqueLines, TrendsProperties properties, StreamsTopics topics) {
        Serde<Sale> internalSale = new InternalAvroSerde<>(Sale.class);
        KStream<String, SalesTrend> trends = uniqueLines
                .selectKey((key, sale) -> TrendKeys.groupKey(sale), Named.as("key-by-store-department"))
                .repartition(Repartitioned.<String, Sale>as(SALES_BY_STORE_DEPARTMENT)
                        .withKeySerde(Serdes.String()).withValueSerde(internalSale)
                        .withStreamPartitioner(new StorePartitioner<>()))
                .process(WindowedTrendsProcessor.supplier(properties), Named.as("windowed-trends"));
        topics.to(trends, Topics.SALES_TRENDS, "sales-trends-sink");
    }
}
