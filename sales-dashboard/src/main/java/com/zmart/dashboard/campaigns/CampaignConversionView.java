package com.zmart.dashboard.campaigns;

import java.math.BigDecimal;
import java.time.Instant;

/** One campaign's running conversion figures, as the sink last wrote them. */
public record CampaignConversionView(String campaignId, long conversionCount, BigDecimal attributedRevenue,
                                     Instant lastConversionAt) {
}
