package com.zmart.rewards.lookup;

/** A coupon a member earned by crossing {@code thresholdPoints}. */
public record CouponView(long thresholdPoints, String couponCode, int discountPercent) {
}
