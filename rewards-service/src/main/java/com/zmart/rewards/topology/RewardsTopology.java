package com.zmart.rewards.topology;

import java.util.Map;
import java.util.Set;

import com.zmart.contracts.sale.SaleLineRules;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.RewardNotification;
import com.zmart.events.RewardUpdate;
import com.zmart.events.Sale;
import com.zmart.rewards.config.RewardsProperties;
import com.zmart.rewards.points.PointsRule;
import com.zmart.rewards.points.TierRule;
import com.zmart.rewards.state.MemberRewards;
import com.zmart.streams.dedup.UniqueSaleLines;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.streams.time.EventTimeExtractor;
import com.zmart.streams.topic.StreamsTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The rewards topology:
 * <pre>
 * zmart.sales (key loyaltyMemberId, or transactionId for a sale without a member; event time purchasedAt)
 *   → drop lines without a loyalty member
 *   → invalid lines (SaleLineRules) → dead-letter topic (processing exception handler)
 *   ├─ keyed by their member (what the sales connector writes): on the partition of the member's state already
 *   └─ keyed otherwise (written before sales were keyed by member, or by another producer)
 *        → re-key by memberId (repartition topic "sales-by-member")
 *   → merged: a member's lines, on the partition of its state, both ways
 *   → drop duplicated lines, (transactionId, lineNumber) [seen-lines-by-transaction]; the lines of a transaction
 *     share a member and a partition and arrive together, so a transaction is one store entry, written once per
 *     commit (ADR 0013)
 *   → RewardsProcessor [member-rewards (KeyValue)]
 *        ├─ RewardUpdate per counted sale line                         → zmart.reward-updates
 *        └─ RewardNotification per first crossing of a threshold
 *             → left join GlobalKTable zmart.loyalty-members (email)     → zmart.reward-notifications
 * </pre>
 * Sales keyed by member need no repartition: no record per sale written, committed and read back (ADR 0005). The
 * duplicate filter comes after the merge, so that a line and its copy meet in the same task whichever way each
 * arrived. Members are a global
 * table because zmart.loyalty-members (3 partitions) is not co-partitioned with the sales (6 partitions), and every
 * instance needs every member's address anyway.
 */
public final class RewardsTopology {

    public static final String MEMBER_REWARDS_STORE = "member-rewards";
    public static final String SEEN_SALE_LINES_STORE = "seen-lines-by-transaction";
    public static final String LOYALTY_MEMBERS_STORE = "loyalty-members";
    public static final String SALES_BY_MEMBER = "sales-by-member";
    /** The split of member lines by key; a branch's stream is named prefix + branch. */
    private static final String KEYED = "sales-keyed-";
    private static final String BY_MEMBER = "by-member";
    private static final String OTHERWISE = "otherwise";

    private RewardsTopology() {
    }

    public static Topology buildTopology(RewardsProperties properties, StreamsTopics topics) {
        StreamsBuilder builder = new StreamsBuilder();

        GlobalKTable<String, LoyaltyMember> members = topics.globalTable(builder, Topics.LOYALTY_MEMBERS,
                consumed -> consumed.withName("loyalty-members-source"), LOYALTY_MEMBERS_STORE);

        Map<String, KStream<String, Sale>> byKey = topics.stream(builder, Topics.SALES, consumed -> consumed
                        .withTimestampExtractor(new EventTimeExtractor()).withName("sales-source"))
                .filter((key, sale) -> sale != null && sale.getLoyaltyMemberId() != null, Named.as("members-only"))
                // Before the repartition, so an invalid line reaches the dead-letter topic with its original bytes.
                .peek((key, sale) -> SaleLineRules.requireValid(sale), Named.as("valid-sale-lines"))
                .split(Named.as(KEYED))
                .branch((key, sale) -> sale.getLoyaltyMemberId().equals(key), Branched.as(BY_MEMBER))
                .defaultBranch(Branched.as(OTHERWISE));
        KStream<String, Sale> rekeyed = byKey.get(KEYED + OTHERWISE)
                .selectKey((key, sale) -> sale.getLoyaltyMemberId(), Named.as("key-by-member"))
                .repartition(Repartitioned.<String, Sale>as(SALES_BY_MEMBER)
                        .withKeySerde(Serdes.String()).withValueSerde(new InternalAvroSerde<>(Sale.class)));
        KStream<String, SpecificRecord> rewards = byKey.get(KEYED + BY_MEMBER)
                .merge(rekeyed, Named.as("member-lines"))
                .processValues(UniqueSaleLines.supplier(SEEN_SALE_LINES_STORE, properties.dedupRetention()),
                        Named.as("unique-sale-lines"))
                .process(processorSupplier(properties), Named.as("rewards"));

        rewards.split(Named.as("rewards-"))
                .branch((memberId, event) -> event instanceof RewardUpdate, Branched.withConsumer(updates ->
                        topics.to(updates.mapValues(event -> (RewardUpdate) event, Named.as("as-reward-update")),
                                Topics.REWARD_UPDATES, "reward-updates-sink"), "updates"))
                .branch((memberId, event) -> event instanceof RewardNotification,
                        Branched.withConsumer(notifications -> topics.to(notifications
                                .mapValues(event -> (RewardNotification) event, Named.as("as-reward-notification"))
                                .leftJoin(members, (memberId, notification) -> memberId, RewardsTopology::withEmail,
                                        Named.as("notification-email")),
                                Topics.REWARD_NOTIFICATIONS, "reward-notifications-sink"), "notifications"))
                .noDefaultBranch();

        return builder.build();
    }

    static RewardNotification withEmail(RewardNotification notification, LoyaltyMember member) {
        return RewardNotification.newBuilder(notification).setEmail(member == null ? null : member.getEmail()).build();
    }

    private static ProcessorSupplier<String, Sale, String, SpecificRecord> processorSupplier(RewardsProperties properties) {
        PointsRule pointsRule = PointsRule.from(properties.points());
        TierRule tierRule = TierRule.from(properties.tiers());
        StoreBuilder<KeyValueStore<String, MemberRewards>> memberStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MEMBER_REWARDS_STORE), Serdes.String(),
                new InternalAvroSerde<>(MemberRewards.class));

        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Sale, String, SpecificRecord> get() {
                return new RewardsProcessor(pointsRule, tierRule, properties.thresholds(),
                        properties.couponDiscountPercent());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(memberStore);
            }
        };
    }
}
