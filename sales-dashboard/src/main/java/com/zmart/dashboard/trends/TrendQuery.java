package com.zmart.dashboard.trends;

import java.time.Instant;
import java.util.Optional;

/**
 * Which trends to chart: one window kind, windows starting in {@code [from, until)}, optionally one store and/or
 * one department, summed per {@code grouping}.
 */
public record TrendQuery(String windowKind, TrendGrouping grouping, Instant from, Instant until,
                         Optional<String> storeId, Optional<String> department) {
}
