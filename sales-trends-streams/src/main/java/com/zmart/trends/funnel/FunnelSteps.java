package com.zmart.trends.funnel;

import java.time.Instant;

import com.zmart.events.CampaignAttribution;
import com.zmart.events.CampaignFunnel;
import com.zmart.events.ClickEvent;

/**
 * The rules of the funnel: which events are steps, and how they add up. Each step is a {@link CampaignFunnel} with one
 * count set to 1, so steps and totals are one type and adding is field by field.
 */
final class FunnelSteps {

    private FunnelSteps() {
    }

    /** Opening the email, following its link, activating and printing the coupon; a page view adds nothing to these. */
    static boolean isStep(ClickEvent click) {
        return click != null && switch (click.getAction()) {
            case OPENED_EMAIL, CLICKED_LINK, ACTIVATED_COUPON, PRINTED_COUPON -> true;
            case VIEWED_PAGE -> false;
        };
    }

    static CampaignFunnel of(ClickEvent click) {
        CampaignFunnel.Builder step = none(click.getCampaignId(), click.getOccurredAt());
        switch (click.getAction()) {
            case OPENED_EMAIL -> step.setEmailsOpened(1);
            case CLICKED_LINK -> step.setLinksClicked(1);
            case ACTIVATED_COUPON -> step.setCouponsActivated(1);
            case PRINTED_COUPON -> step.setCouponsPrinted(1);
            case VIEWED_PAGE -> throw new IllegalArgumentException("A page view is not a step of the funnel");
        }
        return step.build();
    }

    /** A purchase credited to the campaign; a later part of an already credited purchase is not one. */
    static CampaignFunnel of(CampaignAttribution attribution) {
        return none(attribution.getCampaignId(), attribution.getPurchasedAt())
                .setPurchases(attribution.getNewPurchase() ? 1 : 0).build();
    }

    static CampaignFunnel add(CampaignFunnel total, CampaignFunnel next) {
        Instant last = total.getLastEventAt().isAfter(next.getLastEventAt()) ? total.getLastEventAt() : next.getLastEventAt();
        return CampaignFunnel.newBuilder(total)
                .setEmailsOpened(total.getEmailsOpened() + next.getEmailsOpened())
                .setLinksClicked(total.getLinksClicked() + next.getLinksClicked())
                .setCouponsActivated(total.getCouponsActivated() + next.getCouponsActivated())
                .setCouponsPrinted(total.getCouponsPrinted() + next.getCouponsPrinted())
                .setPurchases(total.getPurchases() + next.getPurchases())
                .setLastEventAt(last)
                .build();
    }

    private static CampaignFunnel.Builder none(String campaignId, Instant at) {
        return CampaignFunnel.newBuilder().setCampaignId(campaignId).setEmailsOpened(0).setLinksClicked(0)
                .setCouponsActivated(0).setCouponsPrinted(0).setPurchases(0).setLastEventAt(at);
    }
}
