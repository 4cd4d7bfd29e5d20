package com.zmart.rewards.points;

import com.zmart.events.RewardTier;
import com.zmart.rewards.config.RewardsProperties;

/** The tier a point total reaches; points never decrease, so neither does a member's tier. */
public record TierRule(long silver, long gold, long platinum) {

    public TierRule {
        if (!(0 < silver && silver < gold && gold < platinum)) {
            throw new IllegalArgumentException("tier thresholds must be positive and strictly ascending");
        }
    }

    public static TierRule from(RewardsProperties.Tiers tiers) {
        return new TierRule(tiers.silver(), tiers.gold(), tiers.platinum());
    }

    public RewardTier tierFor(long totalPoints) {
        if (totalPoints >= platinum) {
            return RewardTier.PLATINUM;
        }
        if (totalPoints >= gold) {
            return RewardTier.GOLD;
        }
        return totalPoints >= silver ? RewardTier.SILVER : RewardTier.BRONZE;
    }
}
