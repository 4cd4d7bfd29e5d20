package com.zmart.trends.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zmart.events.SalesTrend;
import com.zmart.streams.interactivequeries.KeyNotFoundException;
import com.zmart.streams.interactivequeries.StoreAccess;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.trends.state.TrendPane;
import com.zmart.trends.trends.PaneWindows;
import com.zmart.trends.trends.TrendKeys;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Local answers over the panes store (the partition of the store's key, see {@code StorePartitioner}): the windows
 * asked for are built from the retained panes of a department, a day of one-minute panes at most.
 */
public final class TrendQueries {

    private static final Instant ALL_FROM = Instant.EPOCH;
    private static final Instant ALL_TO = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final TrendsProperties trends;

    public TrendQueries(TrendsProperties trends) {
        this.trends = trends;
    }

    /** The newest window of {@code window} of each department of a store. */
    public StoreTrends latestPerDepartment(ReadOnlyWindowStore<String, TrendPane> panes, String storeId,
                                           TrendWindow window) {
        Map<String, List<KeyValue<Long, TrendPane>>> byDepartment = new TreeMap<>();
        try (KeyValueIterator<Windowed<String>, TrendPane> found = panes.fetch(TrendKeys.firstKeyOf(storeId),
                TrendKeys.lastKeyOf(storeId), ALL_FROM, ALL_TO)) {
            found.forEachRemaining(entry -> byDepartment.computeIfAbsent(entry.key.key(), g -> new ArrayList<>())
                    .add(KeyValue.pair(entry.key.window().start(), entry.value)));
        }
        List<TrendView> latest = new ArrayList<>();
        byDepartment.values().forEach(department -> {
            department.sort((a, b) -> Long.compare(a.key, b.key));
            List<SalesTrend> windows = PaneWindows.compute(department, window,
                    PaneWindows.windowStarts(department.subList(department.size() - 1, department.size()), window),
                    trends.topItems());
            if (!windows.isEmpty()) {
                latest.add(TrendView.of(windows.get(windows.size() - 1)));
            }
        });
        if (latest.isEmpty()) {
            throw new KeyNotFoundException(notFound(storeId, window));
        }
        return new StoreTrends(storeId, window.kind(), latest);
    }

    /** The newest {@code limit} windows of {@code window} of one department of a store, newest first. */
    public DepartmentTrends latestWindows(ReadOnlyWindowStore<String, TrendPane> panes, String storeId,
                                          String department, TrendWindow window, int limit) {
        List<KeyValue<Long, TrendPane>> found = new ArrayList<>();
        try (WindowStoreIterator<TrendPane> all = panes.fetch(TrendKeys.groupKey(storeId, department), ALL_FROM,
                ALL_TO)) {
            all.forEachRemaining(found::add);
        }
        List<SalesTrend> windows = new ArrayList<>(PaneWindows.compute(found, window,
                PaneWindows.windowStarts(found, window), trends.topItems()));
        Collections.reverse(windows);
        if (windows.isEmpty()) {
            throw new KeyNotFoundException(notFound(storeId + "/" + department, window));
        }
        return new DepartmentTrends(storeId, department, window.kind(),
                windows.stream().limit(limit).map(TrendView::of).toList());
    }

    static String notFound(String what, TrendWindow window) {
        return "No " + window.kind() + " trends of " + what + " in the retained windows";
    }

    static ReadOnlyWindowStore<String, TrendPane> panes(StoreAccess access) {
        return access.store(QueryableStoreTypes.windowStore());
    }
}
