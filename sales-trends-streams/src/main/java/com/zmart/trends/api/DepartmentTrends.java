package com.zmart.trends.api;

import java.util.List;

/** The latest windows of one department of a store, newest first. */
public record DepartmentTrends(String storeId, String department, String windowKind, List<TrendView> windows) {
}
