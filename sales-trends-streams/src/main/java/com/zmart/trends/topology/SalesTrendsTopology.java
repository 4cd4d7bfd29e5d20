package com.zmart.trends.topology;

import com.zmart.contracts.sale.SaleLineRules;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.CampaignAttribution;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.trends.attribution.AttributionTopology;
import com.zmart.trends.config.SalesTrendsProperties;
import com.zmart.trends.funnel.CampaignFunnelTopology;
import com.zmart.streams.dedup.UniqueSaleLines;
import com.zmart.trends.trends.TrendsTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The service's topology:
 * <pre>
 * zmart.sales (key transactionId, event time purchasedAt)
 *   → invalid lines (SaleLineRules) → dead-letter topic (processing exception handler)
 *   → drop duplicated lines, (transactionId, lineNumber) [seen-lines-by-transaction]; all lines of a transaction
 *     share a partition, so this needs no repartition
 *   ├─ TrendsTopology: windowed aggregates per store and department → zmart.sales-trends
 *   └─ AttributionTopology: receipts joined with zmart.clicks → zmart.campaign-attributions, zmart.campaign-conversions
 *        └─ CampaignFunnelTopology: zmart.clicks and the attributions, summed per campaign → zmart.campaign-funnels
 * </pre>
 */
public final class SalesTrendsTopology {

    public static final String SEEN_SALE_LINES_STORE = "seen-lines-by-transaction";

    private SalesTrendsTopology() {
    }

    public static Topology buildTopology(SalesTrendsProperties properties, SalesTrendsSerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Sale> uniqueLines = builder
                .stream(Topics.SALES.name(), Consumed.with(Serdes.String(), serdes.sale())
                        .withTimestampExtractor(new EventTimeExtractor()).withName("sales-source"))
                .filter((transactionId, sale) -> sale != null, Named.as("not-deleted"))
                // Right after the source, so an invalid line reaches the dead-letter topic with its original bytes.
                .peek((transactionId, sale) -> SaleLineRules.requireValid(sale), Named.as("valid-sale-lines"))
                .processValues(UniqueSaleLines.supplier(SEEN_SALE_LINES_STORE, properties.dedupRetention()),
                        Named.as("unique-sale-lines"));
        TrendsTopology.addTo(uniqueLines, properties.trends(), serdes.trend());
        KStream<String, ClickEvent> clicks = builder.stream(Topics.CLICKS.name(), Consumed.with(Serdes.String(),
                serdes.click()).withTimestampExtractor(new EventTimeExtractor()).withName("clicks-source"));
        KStream<String, CampaignAttribution> attributions = AttributionTopology.addTo(clicks, uniqueLines,
                properties.attribution(), serdes);
        CampaignFunnelTopology.addTo(clicks, attributions, properties.dedupRetention(), serdes.funnel());
        return builder.build();
    }
}
