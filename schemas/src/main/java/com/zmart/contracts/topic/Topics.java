package com.zmart.contracts.topic;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.zmart.contracts.topic.TopicSpec.CleanupPolicy;
import com.zmart.events.CampaignAttribution;
import com.zmart.events.CampaignConversion;
import com.zmart.events.CampaignFunnel;
import com.zmart.events.ClickEvent;
import com.zmart.events.InventoryLevel;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.ReorderRequest;
import com.zmart.events.Restock;
import com.zmart.events.RewardNotification;
import com.zmart.events.RewardUpdate;
import com.zmart.events.SalesTrend;
import com.zmart.events.Sale;

/**
 * The topic catalog: the one place that names ZMart's topics. Services, connectors' configuration,
 * the local platform and the compose init step all take names from here.
 */
public final class Topics {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    /** Campaign and web clicks, keyed by customerId so a customer's clicks stay in order. */
    public static final TopicSpec<String, ClickEvent> CLICKS =
            avro("zmart.clicks", ClickEvent.class, 6, CleanupPolicy.DELETE, MONTH);

    /**
     * Masked point-of-sale lines from the sales connector, keyed by loyaltyMemberId, or by transactionId for a sale
     * without a member (SaleKeys): a member's lines are on the partition of its rewards, and a receipt's lines share
     * a key and a partition.
     */
    public static final TopicSpec<String, Sale> SALES =
            avro("zmart.sales", Sale.class, 6, CleanupPolicy.DELETE, MONTH);

    /** Loyalty members' latest state from the point-of-sale database, keyed by memberId. */
    public static final TopicSpec<String, LoyaltyMember> LOYALTY_MEMBERS =
            avro("zmart.loyalty-members", LoyaltyMember.class, 3, CleanupPolicy.COMPACT, null);

    /** Points earned per sale line, keyed by memberId. */
    public static final TopicSpec<String, RewardUpdate> REWARD_UPDATES =
            avro("zmart.reward-updates", RewardUpdate.class, 6, CleanupPolicy.DELETE, WEEK);

    /** One coupon notification per (member, threshold), keyed by memberId. */
    public static final TopicSpec<String, RewardNotification> REWARD_NOTIFICATIONS =
            avro("zmart.reward-notifications", RewardNotification.class, 3, CleanupPolicy.DELETE, MONTH);

    /**
     * The coupon emails the rewards mailer has sent, keyed by couponCode: its ledger, read back so that a
     * redelivered notification never sends the same coupon twice.
     */
    public static final TopicSpec<String, RewardNotification> COUPON_EMAILS =
            avro("zmart.coupon-emails", RewardNotification.class, 3, CleanupPolicy.COMPACT, null);

    /** Windowed sales aggregates per store and department, keyed by store/department/window. */
    public static final TopicSpec<String, SalesTrend> SALES_TRENDS =
            avro("zmart.sales-trends", SalesTrend.class, 3, CleanupPolicy.COMPACT, null);

    /** Current stock per store and sku, keyed by storeId/sku. */
    public static final TopicSpec<String, InventoryLevel> INVENTORY_LEVELS =
            avro("zmart.inventory-levels", InventoryLevel.class, 3, CleanupPolicy.COMPACT, null);

    /** Reorder requests to suppliers, keyed by storeId/sku. */
    public static final TopicSpec<String, ReorderRequest> REORDERS =
            avro("zmart.reorders", ReorderRequest.class, 3, CleanupPolicy.DELETE, MONTH);

    /** Deliveries that raise stock and close reorders, keyed by storeId/sku. */
    public static final TopicSpec<String, Restock> RESTOCKS =
            avro("zmart.restocks", Restock.class, 3, CleanupPolicy.DELETE, MONTH);

    /** Purchases credited to campaign clicks, keyed by campaignId. */
    public static final TopicSpec<String, CampaignAttribution> CAMPAIGN_ATTRIBUTIONS =
            avro("zmart.campaign-attributions", CampaignAttribution.class, 3, CleanupPolicy.DELETE, MONTH);

    /** Running conversion figures per campaign, keyed by campaignId. */
    public static final TopicSpec<String, CampaignConversion> CAMPAIGN_CONVERSIONS =
            avro("zmart.campaign-conversions", CampaignConversion.class, 3, CleanupPolicy.COMPACT, null);

    /** Running funnel per campaign (opened, clicked, activated, printed, purchased), keyed by campaignId. */
    public static final TopicSpec<String, CampaignFunnel> CAMPAIGN_FUNNELS =
            avro("zmart.campaign-funnels", CampaignFunnel.class, 3, CleanupPolicy.COMPACT, null);

    public static final TopicSpec<String, byte[]> REWARDS_DLT = deadLetter("zmart.rewards-service.dlt");
    public static final TopicSpec<String, byte[]> SALES_TRENDS_DLT = deadLetter("zmart.sales-trends-streams.dlt");
    public static final TopicSpec<String, byte[]> INVENTORY_DLT = deadLetter("zmart.inventory-service.dlt");
    /**
     * Records the dashboard's sink connectors could not convert, or that are not of their topic's contract (Connect's
     * dead-letter queue, {@code __connect.errors.*} headers).
     */
    public static final TopicSpec<String, byte[]> SALES_DASHBOARD_DLT = deadLetter("zmart.sales-dashboard.dlt");

    /** Every topic of the suite, in creation order. */
    public static final List<TopicSpec<?, ?>> ALL = List.of(CLICKS, SALES, LOYALTY_MEMBERS, REWARD_UPDATES,
            REWARD_NOTIFICATIONS, COUPON_EMAILS, SALES_TRENDS, INVENTORY_LEVELS, REORDERS, RESTOCKS, CAMPAIGN_ATTRIBUTIONS,
            CAMPAIGN_CONVERSIONS, CAMPAIGN_FUNNELS, REWARDS_DLT, SALES_TRENDS_DLT, INVENTORY_DLT,
            SALES_DASHBOARD_DLT);

    private Topics() {
    }

    /** Topics whose values are Avro contracts registered in the Schema Registry. */
    public static List<TopicSpec<?, ?>> avroTopics() {
        return ALL.stream().filter(TopicSpec::hasAvroValue).toList();
    }

    public static TopicSpec<?, ?> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No topic named '" + name + "' in the catalog"));
    }

    private static <V> TopicSpec<String, V> avro(String name, Class<V> valueType, int partitions,
                                                  CleanupPolicy policy, Duration retention) {
        return new TopicSpec<>(name, String.class, valueType, partitions, policy, Optional.ofNullable(retention));
    }

    private static TopicSpec<String, byte[]> deadLetter(String name) {
        // Dead letters keep the original bytes so nothing is lost; they are kept long enough to be replayed.
        return new TopicSpec<>(name, String.class, byte[].class, 1, CleanupPolicy.DELETE, Optional.of(MONTH));
    }
}
