package com.zmart.contracts.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.zmart.events.Sale;

/**
 * Money of a sale line. Its net amount is {@code unitPrice × quantity − discount}: what the customer paid for it,
 * what points are earned on and what revenue counts. Aggregates keep cents in a long: exact, and cheap to add up.
 */
public final class SaleLineAmounts {

    /** Scale of the contracts' money fields ({@code decimal(12,2)} on a line, {@code decimal(16,2)} in aggregates). */
    public static final int SCALE = 2;

    private SaleLineAmounts() {
    }

    /** {@code unitPrice × quantity − discount}. */
    public static BigDecimal net(Sale sale) {
        return sale.getUnitPrice().multiply(BigDecimal.valueOf(sale.getQuantity())).subtract(sale.getDiscount());
    }

    /** The net amount in cents; throws {@link ArithmeticException} when it does not fit a long. */
    public static long netCents(Sale sale) {
        return net(sale).setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** Cents as the contracts' money fields carry them. */
    public static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, SCALE);
    }
}
