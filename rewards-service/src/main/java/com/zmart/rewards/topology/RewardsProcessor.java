package com.zmart.rewards.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zmart.events.RewardNotification;
import com.zmart.events.RewardTier;
import com.zmart.events.RewardUpdate;
import com.zmart.events.Sale;
import com.zmart.rewards.coupons.CouponCodes;
import com.zmart.rewards.points.PointsRule;
import com.zmart.rewards.points.TierRule;
import com.zmart.rewards.state.MemberRewards;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per member (records are keyed by memberId, duplicates already dropped): adds the line's points to the member's
 * running total, and forwards one {@link RewardUpdate} per counted line and one {@link RewardNotification} per
 * threshold the total crosses for the first time.
 */
final class RewardsProcessor implements Processor<String, Sale, String, SpecificRecord> {

    private final PointsRule pointsRule;
    private final TierRule tierRule;
    private final List<Long> thresholds;
    private final int couponDiscountPercent;

    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, MemberRewards> members;

    RewardsProcessor(PointsRule pointsRule, TierRule tierRule, List<Long> thresholds, int couponDiscountPercent) {
        this.pointsRule = pointsRule;
        this.tierRule = tierRule;
        this.thresholds = List.copyOf(thresholds);
        this.couponDiscountPercent = couponDiscountPercent;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.members = context.getStateStore(RewardsTopology.MEMBER_REWARDS_STORE);
    }

    @Override
    public void process(Record<String, Sale> record) {
        String memberId = record.key();
        Sale sale = record.value();
        long eventTime = record.timestamp();
        int points = pointsRule.pointsFor(sale);
        MemberRewards before = members.get(memberId);
        long totalBefore = before == null ? 0 : before.getTotalPoints();
        long total = totalBefore + points;
        RewardTier tier = tierRule.tierFor(total);
        List<Long> reached = before == null ? new ArrayList<>() : new ArrayList<>(before.getThresholdsReached());
        List<Long> crossed = thresholds.stream().filter(t -> t <= total && !reached.contains(t)).toList();
        reached.addAll(crossed);
        reached.sort(null);

        members.put(memberId, MemberRewards.newBuilder()
                .setMemberId(memberId)
                .setTotalPoints(total)
                .setTier(tier.name())
                .setThresholdsReached(reached)
                .setSaleLines((before == null ? 0 : before.getSaleLines()) + 1)
                .setUpdatedAt(Instant.ofEpochMilli(eventTime))
                .build());

        context.forward(record.withValue(RewardUpdate.newBuilder()
                .setMemberId(memberId)
                .setTransactionId(sale.getTransactionId())
                .setLineNumber(sale.getLineNumber())
                .setStoreId(sale.getStoreId())
                .setPointsEarned(points)
                .setTotalPoints(total)
                .setTier(tier)
                .setPurchasedAt(sale.getPurchasedAt())
                .build()));
        for (long threshold : crossed) {
            context.forward(record.withValue(RewardNotification.newBuilder()
                    .setMemberId(memberId)
                    .setEmail(null)
                    .setThresholdPoints(threshold)
                    .setTotalPoints(total)
                    .setTier(tier)
                    .setCouponCode(CouponCodes.codeFor(memberId, threshold))
                    .setDiscountPercent(couponDiscountPercent)
                    .setIssuedAt(sale.getPurchasedAt())
                    .build()));
        }
    }
}
