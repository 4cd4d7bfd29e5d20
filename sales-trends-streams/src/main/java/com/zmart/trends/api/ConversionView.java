package com.zmart.trends.api;

import java.math.BigDecimal;
import java.time.Instant;

import com.zmart.events.CampaignConversion;

/** Running conversion figures of a campaign, as JSON (the fields of the {@code CampaignConversion} contract). */
public record ConversionView(String campaignId, long conversionCount, BigDecimal attributedRevenue,
                             Instant lastConversionAt) {

    static ConversionView of(CampaignConversion conversion) {
        return new ConversionView(conversion.getCampaignId(), conversion.getConversionCount(),
                conversion.getAttributedRevenue(), conversion.getLastConversionAt());
    }
}
