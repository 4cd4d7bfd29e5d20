package com.zmart.contracts.sale;

import com.zmart.events.Sale;

/**
 * The key of a sale line on {@code zmart.sales}: its loyalty member id, or its transaction id when the sale has no
 * member. All lines of a receipt share it (a receipt has one member or none), so they land on one partition, in order,
 * and rewards finds a member's lines on the partition of the member's state.
 *
 * <p>The sales connector's {@code FirstPresentFieldAsKey} transform ({@code fields=loyaltyMemberId,transactionId})
 * applies the same rule; producers that write sales directly (tests, benchmarks) use this.
 */
public final class SaleKeys {

    private SaleKeys() {
    }

    /** The line's loyalty member id if it has one, otherwise its transaction id. */
    public static String of(Sale sale) {
        return sale.getLoyaltyMemberId() != null ? sale.getLoyaltyMemberId() : sale.getTransactionId();
    }
}
