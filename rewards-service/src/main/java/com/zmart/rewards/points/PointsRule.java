package com.zmart.rewards.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.zmart.contracts.sale.SaleLineAmounts;
import com.zmart.events.Sale;
import com.zmart.rewards.config.RewardsProperties;

/**
 * Points of one sale line: {@code floor(net amount × perCurrencyUnit × departmentMultiplier)} (see
 * {@link SaleLineAmounts#net}), never negative. Rounding happens once per line (down), so a transaction earns the sum
 * of its lines' points.
 */
public final class PointsRule {

    private final BigDecimal perCurrencyUnit;
    private final Map<String, BigDecimal> departmentMultipliers = new HashMap<>();

    public PointsRule(BigDecimal perCurrencyUnit, Map<String, BigDecimal> departmentMultipliers) {
        if (perCurrencyUnit == null || perCurrencyUnit.signum() < 0) {
            throw new IllegalArgumentException("points per currency unit must be zero or more");
        }
        this.perCurrencyUnit = perCurrencyUnit;
        departmentMultipliers.forEach((department, multiplier) -> {
            if (multiplier == null || multiplier.signum() < 0) {
                throw new IllegalArgumentException("multiplier of department " + department + " must be zero or more");
            }
            this.departmentMultipliers.put(normalize(department), multiplier);
        });
    }

    public static PointsRule from(RewardsProperties.Points points) {
        return new PointsRule(points.perCurrencyUnit(), points.departmentMultipliers());
    }

    public int pointsFor(Sale sale) {
        BigDecimal net = SaleLineAmounts.net(sale);
        if (net.signum() <= 0) {
            return 0;
        }
        BigDecimal points = net.multiply(perCurrencyUnit).multiply(multiplierOf(sale.getDepartment()));
        return points.setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    BigDecimal multiplierOf(String department) {
        return department == null ? BigDecimal.ONE : departmentMultipliers.getOrDefault(normalize(department), BigDecimal.ONE);
    }

    private static String normalize(String department) {
        return department.trim().toLowerCase(Locale.ROOT);
    }
}
