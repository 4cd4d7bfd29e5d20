package com.zmart.dashboard.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One campaign's funnel as the sink last wrote it, with its conversion rate. */
public record CampaignFunnelView(
        String campaignId,
        long emailsOpened,
        long linksClicked,
        long couponsActivated,
        long couponsPrinted,
        @Schema(description = "Purchases attributed to the campaign's coupon clicks") long purchases,
        @Schema(description = "purchases / emailsOpened (4 decimals); null until an email was opened", nullable = true)
        BigDecimal conversionRate,
        Instant lastEventAt) {

    /** The rate's base is the top of the funnel: of the emails opened, how many led to a purchase. */
    static CampaignFunnelView of(String campaignId, long opened, long clicked, long activated, long printed,
                                 long purchases, Instant lastEventAt) {
        BigDecimal rate = opened == 0 ? null
                : BigDecimal.valueOf(purchases).divide(BigDecimal.valueOf(opened), 4, RoundingMode.HALF_UP);
        return new CampaignFunnelView(campaignId, opened, clicked, activated, printed, purchases, rate, lastEventAt);
    }
}
