package com.zmart.trends.trends;

import java.time.Instant;

import com.zmart.events.Sale;

/**
 * Keys of the trends: {@code storeId/department} while aggregating (partitioned by the store only, see
 * {@link StorePartitioner}), and {@code storeId/department/windowKind/windowStart} on the trends topic, one key per
 * window so the compacted topic and an upserting sink keep the latest figures of each window.
 */
public final class TrendKeys {

    static final char SEPARATOR = '/';

    private TrendKeys() {
    }

    public static String groupKey(Sale sale) {
        return groupKey(sale.getStoreId(), sale.getDepartment());
    }

    public static String groupKey(String storeId, String department) {
        return storeId + SEPARATOR + department;
    }

    /** The store part of a group key; the whole key when it has no separator (a bare store id). */
    public static String storeOf(String groupKey) {
        int separator = groupKey.indexOf(SEPARATOR);
        return separator < 0 ? groupKey : groupKey.substring(0, separator);
    }

    /** First and last group key of a store, for a range fetch over all its departments. */
    public static String firstKeyOf(String storeId) {
        return storeId + SEPARATOR;
    }

    public static String lastKeyOf(String storeId) {
        return storeId + SEPARATOR + Character.MAX_VALUE;
    }

    public static String topicKey(String storeId, String department, String windowKind, Instant windowStart) {
        return groupKey(storeId, department) + SEPARATOR + windowKind + SEPARATOR + windowStart;
    }
}
