package com.zmart.contracts.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.Restock;
import com.zmart.events.RewardNotification;
import com.zmart.events.RewardTier;
import com.zmart.events.Sale;

/**
 * One valid record of each contract the tests build most, as a builder: a test sets only the fields it cares about
 * and keeps computing its expected values itself.
 */
public final class ContractFixtures {

    /** A minute boundary, the event time of every default record. */
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private ContractFixtures() {
    }

    /**
     * One sale line: tx-1 line 1 at store-001 (10001, north-east), paid by cust-1 without a member card, 1 × "Coffee"
     * (sku-1, grocery) at 3.00, no coupon, no discount, at {@link #T0}.
     */
    public static Sale.Builder sale() {
        return Sale.newBuilder()
                .setTransactionId("tx-1")
                .setLineNumber(1)
                .setStoreId("store-001")
                .setStoreZipCode("10001")
                .setStoreRegion("north-east")
                .setCustomerId("cust-1")
                .setLoyaltyMemberId(null)
                .setSku("sku-1")
                .setProductName("Coffee")
                .setDepartment("grocery")
                .setQuantity(1)
                .setUnitPrice(new BigDecimal("3.00"))
                .setCouponCode(null)
                .setDiscount(new BigDecimal("0.00"))
                .setMaskedCardNumber("xxxxxxxxxxxx1234")
                .setPurchasedAt(T0);
    }

    /** One click: event-1, cust-1 clicked the link of campaign-1 in session-1, no coupon, at {@link #T0}. */
    public static ClickEvent.Builder click() {
        return ClickEvent.newBuilder()
                .setEventId("event-1")
                .setCampaignId("campaign-1")
                .setCustomerId("cust-1")
                .setSessionId("session-1")
                .setAction(ClickAction.CLICKED_LINK)
                .setUrl("https://coupons.zmart.example/campaign-1")
                .setCouponCode(null)
                .setOccurredAt(T0);
    }

    /** One loyalty member: member-1 of cust-1, Ada (member-1@example.com), joined 400 days before {@link #T0}. */
    public static LoyaltyMember.Builder member() {
        return LoyaltyMember.newBuilder()
                .setMemberId("member-1")
                .setCustomerId("cust-1")
                .setEmail("member-1@example.com")
                .setFirstName("Ada")
                .setJoinedAt(T0.minus(Duration.ofDays(400)));
    }

    /** One delivery: restock-1 of 10 × sku-1 at store-001, not for a reorder, received at {@link #T0}. */
    public static Restock.Builder restock() {
        return Restock.newBuilder()
                .setRestockId("restock-1")
                .setStoreId("store-001")
                .setSku("sku-1")
                .setQuantity(10)
                .setReorderId(null)
                .setReceivedAt(T0);
    }

    /** One coupon: member-1 (member-1@example.com) crossed 100 points at 110, BRONZE, 10 % off, issued at {@link #T0}. */
    public static RewardNotification.Builder notification() {
        return RewardNotification.newBuilder()
                .setMemberId("member-1")
                .setEmail("member-1@example.com")
                .setThresholdPoints(100)
                .setTotalPoints(110)
                .setTier(RewardTier.BRONZE)
                .setCouponCode("ZM-MEMBER-1-100")
                .setDiscountPercent(10)
                .setIssuedAt(T0);
    }
}
