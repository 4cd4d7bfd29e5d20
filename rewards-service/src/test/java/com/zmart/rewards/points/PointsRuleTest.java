package com.zmart.rewards.points;

import static com.zmart.rewards.RewardsFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import com.zmart.events.RewardTier;
import org.junit.jupiter.api.Test;

class PointsRuleTest {

    private final PointsRule rule = new PointsRule(BigDecimal.ONE, Map.of("Electronics", new BigDecimal("2")));

    @Test
    void onePointPerWholeCurrencyUnitRoundedDown() {
        assertThat(rule.pointsFor(sale("t", 1, "m", "9.99", 1).build())).isEqualTo(9);
        assertThat(rule.pointsFor(sale("t", 1, "m", "3.40", 3).build())).isEqualTo(10);
        assertThat(rule.pointsFor(sale("t", 1, "m", "0.99", 1).build())).isZero();
    }

    @Test
    void theDiscountIsSubtractedBeforeThePointsAreCounted() {
        assertThat(rule.pointsFor(sale("t", 1, "m", "20.00", 3).setDiscount(new BigDecimal("5.50")).build()))
                .isEqualTo(54);
        assertThat(rule.pointsFor(sale("t", 1, "m", "20.00", 1).setDiscount(new BigDecimal("25.00")).build()))
                .as("a discount larger than the line earns nothing, never negative points").isZero();
    }

    @Test
    void departmentBonusMultipliesBeforeRoundingAndIgnoresCase() {
        assertThat(rule.pointsFor(sale("t", 1, "m", "10.60", 1).setDepartment("electronics").build())).isEqualTo(21);
        assertThat(rule.pointsFor(sale("t", 1, "m", "10.60", 1).setDepartment(" ELECTRONICS ").build())).isEqualTo(21);
        assertThat(rule.pointsFor(sale("t", 1, "m", "10.60", 1).setDepartment("grocery").build())).isEqualTo(10);
    }

    @Test
    void fractionalRatesRoundDownPerLine() {
        PointsRule half = new PointsRule(new BigDecimal("0.5"), Map.of());

        assertThat(half.pointsFor(sale("t", 1, "m", "9.00", 1).build())).isEqualTo(4);
    }

    @Test
    void negativeRatesAreRejected() {
        assertThatThrownBy(() -> new PointsRule(new BigDecimal("-1"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PointsRule(BigDecimal.ONE, Map.of("toys", new BigDecimal("-2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tiersFollowThePointTotal() {
        TierRule tiers = new TierRule(250, 500, 1000);

        assertThat(tiers.tierFor(0)).isEqualTo(RewardTier.BRONZE);
        assertThat(tiers.tierFor(249)).isEqualTo(RewardTier.BRONZE);
        assertThat(tiers.tierFor(250)).isEqualTo(RewardTier.SILVER);
        assertThat(tiers.tierFor(999)).isEqualTo(RewardTier.GOLD);
        assertThat(tiers.tierFor(5_000)).isEqualTo(RewardTier.PLATINUM);
        assertThatThrownBy(() -> new TierRule(500, 250, 1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
