package com.zmart.dashboard.trends;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One line of the charts. {@code units} and {@code revenue} hold one value per window of the chart, in the
 * chart's order; a window without sales is 0.
 */
public record TrendSeries(
        @Schema(description = "Legend of the line, e.g. 'store-01 · Dairy'") String label,
        @Schema(description = "Store of the line; null when the line sums all stores", nullable = true) String storeId,
        @Schema(description = "Department of the line; null when the line sums all departments", nullable = true) String department,
        List<Long> units,
        List<BigDecimal> revenue) {
}
