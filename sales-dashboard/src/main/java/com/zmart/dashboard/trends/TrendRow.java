package com.zmart.dashboard.trends;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The summed figures of one group (store, department or both; the other is null) in one window.
 */
public record TrendRow(String storeId, String department, Instant windowStart, long units, BigDecimal revenue) {
}
