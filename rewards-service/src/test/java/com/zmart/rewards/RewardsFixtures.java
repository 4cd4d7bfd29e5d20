package com.zmart.rewards;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.events.LoyaltyMember;
import com.zmart.events.Sale;
import com.zmart.rewards.config.RewardsProperties;

/** Test data: the default rules of application.yml, sale lines and members. */
public final class RewardsFixtures {

    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private RewardsFixtures() {
    }

    /** 1 point per currency unit, electronics 2x; coupons at 100/250/500/1000; SILVER 250, GOLD 500, PLATINUM 1000. */
    public static RewardsProperties properties() {
        return new RewardsProperties(
                new RewardsProperties.Points(BigDecimal.ONE, Map.of("electronics", BigDecimal.valueOf(2))),
                List.of(100L, 250L, 500L, 1000L), new RewardsProperties.Tiers(250, 500, 1000), 10,
                Duration.ofDays(35), "zmart-rewards-test", "localhost:9092", "http://registry.invalid/apis/registry/v3",
                "/tmp/unused", 1, Map.of(), "127.0.0.1", null);
    }

    /** One sale line of {@code quantity × unitPrice}, no discount, grocery, bought by {@code memberId} (may be null). */
    public static Sale.Builder sale(String transactionId, int lineNumber, String memberId, String unitPrice,
                                    int quantity) {
        return ContractFixtures.sale()
                .setTransactionId(transactionId)
                .setLineNumber(lineNumber)
                .setCustomerId("cust-000001")
                .setLoyaltyMemberId(memberId)
                .setQuantity(quantity)
                .setUnitPrice(new BigDecimal(unitPrice))
                .setPurchasedAt(T0);
    }

    public static LoyaltyMember member(String memberId, String email) {
        return ContractFixtures.member().setMemberId(memberId).setCustomerId("cust-" + memberId).setEmail(email)
                .setJoinedAt(T0.minus(Duration.ofDays(400))).build();
    }
}
