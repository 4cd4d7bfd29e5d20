package com.zmart.trends.trends;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.trends.state.SalesTrendAggregate;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The trends sub-topology:
 * <pre>
 * unique sale lines → re-key storeId/department, partitioned by store ("sales-by-store-department")
 *   → per configured window (tumbling-1m, hopping-1h-5m, ...): windowed aggregate [store trends-&lt;kind&gt;]
 *   → SalesTrend, key storeId/department/kind/windowStart → zmart.sales-trends (an update per change, see ADR 0009)
 * </pre>
 */
public final class TrendsTopology {

    public static final String SALES_BY_STORE_DEPARTMENT = "sales-by-store-department";
    private static final String STORE_PREFIX = "trends-";

    private TrendsTopology() {
    }

    /** The window store of the view {@code windowKind}. */
    public static String storeName(String windowKind) {
        return STORE_PREFIX + windowKind;
    }

    public static void addTo(KStream<String, Sale> uniqueLines, TrendsProperties properties, Serde<SalesTrend> trendSerde) {
        Serde<Sale> internalSale = new InternalAvroSerde<>(Sale.class);
        KGroupedStream<String, Sale> byStoreAndDepartment = uniqueLines
                .selectKey((transactionId, sale) -> TrendKeys.groupKey(sale), Named.as("key-by-store-department"))
                .repartition(Repartitioned.<String, Sale>as(SALES_BY_STORE_DEPARTMENT)
                        .withKeySerde(Serdes.String()).withValueSerde(internalSale)
                        .withStreamPartitioner(new StorePartitioner<>()))
                .groupByKey(Grouped.with(Serdes.String(), internalSale));
        for (TrendWindow window : properties.windows()) {
            addView(byStoreAndDepartment, window, properties, trendSerde);
        }
    }

    private static void addView(KGroupedStream<String, Sale> sales, TrendWindow window, TrendsProperties properties,
                                Serde<SalesTrend> trendSerde) {
        String kind = window.kind();
        sales.windowedBy(window.timeWindows(properties.grace()))
                .aggregate(SalesTrendAggregator::empty, new SalesTrendAggregator(), Named.as("aggregate-" + kind),
                        Materialized.<String, SalesTrendAggregate, WindowStore<Bytes, byte[]>>as(storeName(kind))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new InternalAvroSerde<>(SalesTrendAggregate.class))
                                .withRetention(properties.storeRetention(window)))
                .toStream(Named.as("changes-" + kind))
                .filter((windowed, totals) -> totals != null, Named.as("not-deleted-" + kind))
                .map((windowed, totals) -> {
                    SalesTrend trend = SalesTrends.of(totals, windowed.window(), kind, properties.topItems());
                    return KeyValue.pair(TrendKeys.topicKey(trend.getStoreId(), trend.getDepartment(), kind,
                            trend.getWindowStart()), trend);
                }, Named.as("as-sales-trend-" + kind))
                .to(Topics.SALES_TRENDS.name(), Produced.with(Serdes.String(), trendSerde)
                        .withName("sales-trends-sink-" + kind));
    }
}
