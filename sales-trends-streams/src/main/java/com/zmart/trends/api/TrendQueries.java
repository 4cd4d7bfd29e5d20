package com.zmart.trends.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zmart.streams.interactivequeries.KeyNotFoundException;
import com.zmart.streams.interactivequeries.StoreAccess;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.trends.state.SalesTrendAggregate;
import com.zmart.trends.trends.SalesTrends;
import com.zmart.trends.trends.TrendKeys;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Local answers over a trends window store (the partition of the store's key, see {@code StorePartitioner}). Every
 * retained window is scanned: a store keeps a day of windows per department, a few thousand small records.
 */
final class TrendQueries {

    private static final Instant ALL_FROM = Instant.EPOCH;
    private static final Instant ALL_TO = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final TrendsProperties trends;

    TrendQueries(TrendsProperties trends) {
        this.trends = trends;
    }

    StoreTrends latestPerDepartment(StoreAccess access, String storeId, TrendWindow window) {
        Map<String, KeyValue<Windowed<String>, SalesTrendAggregate>> latest = new TreeMap<>();
        try (KeyValueIterator<Windowed<String>, SalesTrendAggregate> windows = store(access).fetch(
                TrendKeys.firstKeyOf(storeId), TrendKeys.lastKeyOf(storeId), ALL_FROM, ALL_TO)) {
            windows.forEachRemaining(entry -> latest.merge(entry.key.key(), entry,
                    (a, b) -> a.key.window().start() >= b.key.window().start() ? a : b));
        }
        if (latest.isEmpty()) {
            throw new KeyNotFoundException(notFound(storeId, window));
        }
        return new StoreTrends(storeId, window.kind(), latest.values().stream().map(e -> view(e, window)).toList());
    }

    DepartmentTrends latestWindows(StoreAccess access, String storeId, String department, TrendWindow window,
                                   int limit) {
        List<KeyValue<Windowed<String>, SalesTrendAggregate>> found = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, SalesTrendAggregate> windows = store(access).backwardFetch(
                TrendKeys.groupKey(storeId, department), TrendKeys.groupKey(storeId, department), ALL_FROM, ALL_TO)) {
            while (windows.hasNext() && found.size() < limit) {
                found.add(windows.next());
            }
        }
        if (found.isEmpty()) {
            throw new KeyNotFoundException(notFound(storeId + "/" + department, window));
        }
        found.sort(Comparator.comparingLong(e -> -e.key.window().start()));
        return new DepartmentTrends(storeId, department, window.kind(),
                found.stream().map(e -> view(e, window)).toList());
    }

    static String notFound(String what, TrendWindow window) {
        return "No " + window.kind() + " trends of " + what + " in the retained windows";
    }

    private TrendView view(KeyValue<Windowed<String>, SalesTrendAggregate> entry, TrendWindow window) {
        return TrendView.of(SalesTrends.of(entry.value, entry.key.window().startTime(),
                entry.key.window().endTime(), window.kind(), trends.topItems()));
    }

    private static ReadOnlyWindowStore<String, SalesTrendAggregate> store(StoreAccess access) {
        return access.store(QueryableStoreTypes.windowStore());
    }
}
