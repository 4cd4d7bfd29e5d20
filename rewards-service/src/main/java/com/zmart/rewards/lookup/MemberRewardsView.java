package com.zmart.rewards.lookup;

import java.time.Instant;
import java.util.List;

/**
 * A member's rewards as the service answers a lookup.
 *
 * @param nextThreshold         the next threshold that earns a coupon; null once every threshold is reached
 * @param pointsToNextThreshold points still missing to it; null with it
 * @param fromStandby           true when the owner was unavailable and a standby replica answered (may lag slightly)
 */
public record MemberRewardsView(String memberId, long totalPoints, String tier, long saleLines, Instant updatedAt,
                                Long nextThreshold, Long pointsToNextThreshold, List<CouponView> coupons,
                                boolean fromStandby) {
}
