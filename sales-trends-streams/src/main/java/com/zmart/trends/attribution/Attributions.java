package com.zmart.trends.attribution;

import java.time.Instant;

import com.zmart.events.CampaignAttribution;
import com.zmart.events.CampaignConversion;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.trends.state.Receipt;
import com.zmart.contracts.sale.SaleLineAmounts;

/** The rules of attribution: which clicks count, what an attribution says, how conversions add up. */
final class Attributions {

    private Attributions() {
    }

    /** Only a coupon the customer activated or printed shows intent; opened emails and page views do not. */
    static boolean isCouponClick(ClickEvent click) {
        return click != null
                && (click.getAction() == ClickAction.ACTIVATED_COUPON || click.getAction() == ClickAction.PRINTED_COUPON);
    }

    /** {@code newPurchase}: false when the receipt continues a purchase already credited ({@link CreditedPurchaseParts}). */
    static CampaignAttribution of(Receipt receipt, ClickEvent click, boolean newPurchase) {
        return CampaignAttribution.newBuilder()
                .setCampaignId(click.getCampaignId())
                .setCustomerId(receipt.getCustomerId())
                .setClickEventId(click.getEventId())
                .setClickAction(click.getAction())
                .setClickedAt(click.getOccurredAt())
                .setTransactionId(receipt.getTransactionId())
                .setStoreId(receipt.getStoreId())
                .setPurchasedAt(Instant.ofEpochMilli(receipt.getPurchasedAt()))
                .setRevenue(SaleLineAmounts.fromCents(receipt.getRevenueCents()))
                .setCouponCode(receipt.getCouponCode())
                .setNewPurchase(newPurchase)
                .build();
    }

    /** What one attribution contributes to its campaign's figures: a continuation adds revenue, not a purchase. */
    static CampaignConversion conversionOf(CampaignAttribution attribution) {
        return CampaignConversion.newBuilder()
                .setCampaignId(attribution.getCampaignId())
                .setConversionCount(attribution.getNewPurchase() ? 1 : 0)
                .setAttributedRevenue(attribution.getRevenue())
                .setLastConversionAt(attribution.getPurchasedAt())
                .build();
    }

    static CampaignConversion add(CampaignConversion total, CampaignConversion next) {
        Instant last = total.getLastConversionAt().isAfter(next.getLastConversionAt())
                ? total.getLastConversionAt() : next.getLastConversionAt();
        return CampaignConversion.newBuilder(total)
                .setConversionCount(total.getConversionCount() + next.getConversionCount())
                .setAttributedRevenue(total.getAttributedRevenue().add(next.getAttributedRevenue()))
                .setLastConversionAt(last)
                .build();
    }
}
