package com.zmart.trends.attribution;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.CampaignAttribution;
import com.zmart.events.CampaignConversion;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.streams.topic.StreamsTopics;
import com.zmart.trends.config.AttributionProperties;
import com.zmart.trends.state.Receipt;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * The attribution sub-topology:
 * <pre>
 * unique sale lines (a receipt's lines consecutive on a partition) → ReceiptAssembler [open-receipts] → one Receipt per transaction
 *   → re-key by customerId ("receipts-by-customer", co-partitioned with zmart.clicks)
 *   → join zmart.clicks (ACTIVATED_COUPON / PRINTED_COUPON, key customerId) clicked at most `window` before the
 *     purchase [attribution-join stores]
 *   → each part of a purchase once per campaign, the purchase counted once [credited-campaigns-by-transaction]
 *     → re-key by campaignId
 *        ├─ CampaignAttribution                                           → zmart.campaign-attributions
 *        └─ summed per campaign ("attributions-by-campaign") [campaign-conversions] → zmart.campaign-conversions
 * </pre>
 */
public final class AttributionTopology {

    public static final String CAMPAIGN_CONVERSIONS_STORE = "campaign-conversions";
    public static final String RECEIPTS_BY_CUSTOMER = "receipts-by-customer";
    public static final String ATTRIBUTIONS_BY_CAMPAIGN = "attributions-by-campaign";
    public static final String ATTRIBUTED_PURCHASES_STORE = "credited-campaigns-by-transaction";
    public static final String JOIN_STORE = "attribution-join";

    private AttributionTopology() {
    }

    /**
     * @param clicks zmart.clicks as read (key customerId, event time occurredAt)
     * @return the attributions, keyed by campaignId (for the funnel, {@code CampaignFunnelTopology})
     */
    public static KStream<String, CampaignAttribution> addTo(KStream<String, ClickEvent> clicks,
                                                             KStream<String, Sale> uniqueLines,
                                                             AttributionProperties properties, StreamsTopics topics) {
        InternalAvroSerde<Receipt> receiptSerde = new InternalAvroSerde<>(Receipt.class);
        InternalAvroSerde<CampaignAttribution> attributionSerde = new InternalAvroSerde<>(CampaignAttribution.class);

        KStream<String, ClickEvent> couponClicks = clicks
                .filter((customerId, click) -> Attributions.isCouponClick(click), Named.as("coupon-clicks-only"));

        KStream<String, CampaignAttribution> attributions = uniqueLines
                .process(ReceiptAssembler.supplier(properties.receiptIdleTimeout()), Named.as("assemble-receipts"))
                .selectKey((key, receipt) -> receipt.getCustomerId(), Named.as("key-by-customer"))
                .repartition(Repartitioned.<String, Receipt>as(RECEIPTS_BY_CUSTOMER)
                        .withKeySerde(Serdes.String()).withValueSerde(receiptSerde)
                        .withNumberOfPartitions(Topics.CLICKS.partitions()))
                .join(couponClicks, ReceiptClick::new, clickedBeforePurchase(properties),
                        StreamJoined.with(Serdes.String(), receiptSerde, new InternalAvroSerde<>(ClickEvent.class))
                                .withName(JOIN_STORE).withStoreName(JOIN_STORE))
                .processValues(CreditedPurchaseParts.supplier(ATTRIBUTED_PURCHASES_STORE,
                        properties.dedupRetention()), Named.as("once-per-campaign-purchase"))
                .selectKey((customerId, attribution) -> attribution.getCampaignId(), Named.as("key-by-campaign"));

        topics.to(attributions, Topics.CAMPAIGN_ATTRIBUTIONS, "campaign-attributions-sink");
        KStream<String, CampaignConversion> conversions = attributions
                .groupByKey(Grouped.with(ATTRIBUTIONS_BY_CAMPAIGN, Serdes.String(), attributionSerde))
                .aggregate(() -> null, (campaignId, attribution, total) -> total == null
                                ? Attributions.conversionOf(attribution)
                                : Attributions.add(total, Attributions.conversionOf(attribution)),
                        Named.as("sum-conversions"),
                        Materialized.<String, CampaignConversion, KeyValueStore<Bytes, byte[]>>as(
                                        CAMPAIGN_CONVERSIONS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new InternalAvroSerde<>(CampaignConversion.class)))
                .toStream(Named.as("conversion-changes"));
        topics.to(conversions, Topics.CAMPAIGN_CONVERSIONS, "campaign-conversions-sink");
        return attributions;
    }

    /** The click happened at most {@code window} before the purchase, and not after it. */
    private static JoinWindows clickedBeforePurchase(AttributionProperties properties) {
        return JoinWindows.ofTimeDifferenceAndGrace(properties.window(), properties.grace()).after(Duration.ZERO);
    }
}
