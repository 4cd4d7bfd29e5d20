package com.zmart.trends.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.zmart.events.Sale;

/** Money of sale lines. Aggregates keep cents in a long: exact, and cheap to add up in state stores. */
public final class SaleLines {

    private static final int SCALE = 2;

    private SaleLines() {
    }

    /** {@code quantity × unitPrice − discount}, in cents. */
    public static long revenueCents(Sale sale) {
        BigDecimal revenue = sale.getUnitPrice().multiply(BigDecimal.valueOf(sale.getQuantity()))
                .subtract(sale.getDiscount());
        return revenue.setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** Cents as the contracts' {@code decimal(16,2)}. */
    public static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, SCALE);
    }
}
