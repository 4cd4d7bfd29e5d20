package com.zmart.trends.topology;

import com.zmart.contracts.sale.SaleLineRules;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.CampaignAttribution;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.streams.dedup.UniqueSaleLines;
import com.zmart.streams.time.EventTimeExtractor;
import com.zmart.streams.topic.StreamsTopics;
import com.zmart.trends.attribution.AttributionTopology;
import com.zmart.trends.config.SalesTrendsProperties;
import com.zmart.trends.funnel.CampaignFunnelTopology;
import com.zmart.trends.trends.TrendsTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The service's topology:
 * <pre>
 * zmart.sales (key loyaltyMemberId, or transactionId without a member; event time purchasedAt)
 *   → invalid lines (SaleLineRules) → dead-letter topic (processing exception handler)
 *   → drop duplicated lines, (transactionId, lineNumber) [seen-lines-by-transaction]; all lines of a transaction
 *     share a key and a partition, so this needs no repartition
 *   ├─ TrendsTopology: windowed aggregates per store and department → zmart.sales-trends
 *   └─ AttributionTopology: receipts joined with zmart.clicks → zmart.campaign-attributions, zmart.campaign-conversions
 *        └─ CampaignFunnelTopology: zmart.clicks and the attributions, summed per campaign → zmart.campaign-funnels
 * </pre>
 */
public final class SalesTrendsTopology {

    public static final String SEEN_SALE_LINES_STORE = "seen-lines-by-transaction";

    private SalesTrendsTopology() {
    }

    public static Topology buildTopology(SalesTrendsProperties properties, StreamsTopics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Sale> uniqueLines = topics.stream(builder, Topics.SALES, consumed -> consumed
                        .withTimestampExtractor(new EventTimeExtractor()).withName("sales-source"))
                .filter((key, sale) -> sale != null, Named.as("not-deleted"))
                // Right after the source, so an invalid line reaches the dead-letter topic with its original bytes.
                .peek((key, sale) -> SaleLineRules.requireValid(sale), Named.as("valid-sale-lines"))
                .processValues(UniqueSaleLines.supplier(SEEN_SALE_LINES_STORE, properties.dedupRetention()),
                        Named.as("unique-sale-lines"));
        TrendsTopology.addTo(uniqueLines, properties.trends(), topics);
        KStream<String, ClickEvent> clicks = topics.stream(builder, Topics.CLICKS, consumed -> consumed
                .withTimestampExtractor(new EventTimeExtractor()).withName("clicks-source"));
        KStream<String, CampaignAttribution> attributions = AttributionTopology.addTo(clicks, uniqueLines,
                properties.attribution(), topics);
        CampaignFunnelTopology.addTo(clicks, attributions, properties.dedupRetention(), topics);
        return builder.build();
    }
}
