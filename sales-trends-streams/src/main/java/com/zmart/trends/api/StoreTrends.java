package com.zmart.trends.api;

import java.util.List;

/** The latest window of each department of a store. */
public record StoreTrends(String storeId, String windowKind, List<TrendView> departments) {
}
