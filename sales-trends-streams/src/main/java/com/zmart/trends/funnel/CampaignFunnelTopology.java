package com.zmart.trends.funnel;

import java.time.Duration;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.CampaignAttribution;
import com.zmart.events.CampaignFunnel;
import com.zmart.events.ClickEvent;
import com.zmart.streams.dedup.FirstSeenFilter;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.streams.topic.StreamsTopics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The campaign funnel sub-topology:
 * <pre>
 * zmart.clicks (key customerId) → funnel steps only → first copy of each eventId [seen-clicks-by-customer]
 *   → one step per click, re-keyed by campaignId
 * attributions (key campaignId) → one purchase step per new purchase
 *   → merged, summed per campaign ("funnel-steps-by-campaign") [campaign-funnels] → zmart.campaign-funnels
 * </pre>
 * The purchases come from the attributions rather than from the sales, so the funnel's last step is the conversions'
 * count: the same purchases, credited by the same rules.
 */
public final class CampaignFunnelTopology {

    public static final String SEEN_CLICKS_STORE = "seen-clicks-by-customer";
    public static final String STEPS_BY_CAMPAIGN = "funnel-steps-by-campaign";
    public static final String CAMPAIGN_FUNNELS_STORE = "campaign-funnels";

    private CampaignFunnelTopology() {
    }

    /**
     * @param clicks         zmart.clicks as read, keyed by customerId
     * @param attributions   the purchases credited to campaigns, keyed by campaignId
     * @param clickRetention how long a click's eventId is remembered to drop its copies (a retried capture)
     */
    public static void addTo(KStream<String, ClickEvent> clicks, KStream<String, CampaignAttribution> attributions,
                             Duration clickRetention, StreamsTopics topics) {
        InternalAvroSerde<CampaignFunnel> stepSerde = new InternalAvroSerde<>(CampaignFunnel.class);
        KStream<String, CampaignFunnel> clickSteps = clicks
                .filter((customerId, click) -> FunnelSteps.isStep(click), Named.as("funnel-clicks-only"))
                // Copies of a click share its customer (the key) and its event time: one exact lookup.
                .processValues(FirstSeenFilter.<String, ClickEvent>supplier(SEEN_CLICKS_STORE,
                        ClickEvent::getCustomerId, ClickEvent::getEventId, clickRetention), Named.as("unique-funnel-clicks"))
                .map((customerId, click) -> KeyValue.pair(click.getCampaignId(), FunnelSteps.of(click)),
                        Named.as("click-step-by-campaign"));
        KStream<String, CampaignFunnel> purchaseSteps = attributions
                .filter((campaignId, attribution) -> attribution.getNewPurchase(), Named.as("new-purchases-only"))
                .mapValues(attribution -> FunnelSteps.of(attribution), Named.as("purchase-step"));

        KStream<String, CampaignFunnel> funnels = clickSteps.merge(purchaseSteps, Named.as("funnel-steps"))
                .groupByKey(Grouped.with(STEPS_BY_CAMPAIGN, Serdes.String(), stepSerde))
                .reduce(FunnelSteps::add, Named.as("sum-funnel-steps"),
                        Materialized.<String, CampaignFunnel, KeyValueStore<Bytes, byte[]>>as(CAMPAIGN_FUNNELS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(stepSerde))
                .toStream(Named.as("funnel-changes"));
        topics.to(funnels, Topics.CAMPAIGN_FUNNELS, "campaign-funnels-sink");
    }
}
