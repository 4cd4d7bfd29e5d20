package com.zmart.trends.config;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * Attribution of purchases to campaign clicks ({@code zmart.sales-trends.attribution.*}).
 *
 * @param window             how long after a coupon click a purchase of the same customer is credited to it
 * @param grace              how late (event time) a click or a purchase may arrive and still be joined
 * @param receiptIdleTimeout how long (wall clock) a partition may stay silent before its last open receipt is taken
 *                           as complete; receipts are otherwise closed by the first line of the next transaction
 */
public record AttributionProperties(@NotNull Duration window, @NotNull Duration grace,
                                    @NotNull Duration receiptIdleTimeout) {

    @AssertTrue(message = "attribution window and receipt idle timeout must be positive, grace not negative")
    public boolean isValid() {
        return Durations.isPositiveOrUnset(window) && Durations.isPositiveOrUnset(receiptIdleTimeout)
                && (grace == null || !grace.isNegative());
    }

    /** How long an attributed (campaign, transaction) must be remembered: as long as the join can still match it. */
    public Duration dedupRetention() {
        return window.plus(grace).plus(grace);
    }
}
