package com.zmart.trends.trends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.zmart.trends.state.TrendPane;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The panes of a task's recently active groups as objects, in front of the panes store. The store keeps serialized
 * panes, so without this every line would deserialize its pane and every emission the hour of panes its windows span:
 * a fifth of the stream thread's time, growing with the pane's items. Writes go through to the store at once (the
 * store and its changelog stay the truth, under exactly-once); reads of a cached group never touch it.
 *
 * <p>A group is loaded whole from {@code from} on (every pane of it in the store starting at or after {@code from} is
 * in memory), so an absent pane there is a new one. Panes too old for any window that still accepts lines are let go;
 * a read before a group's {@code from} goes to the store. One instance per processor: it is rebuilt whenever Streams
 * initializes the processor again (a revived task restores its store from the changelog).
 */
final class PaneCache {

    private final WindowStore<String, TrendPane> store;
    private final long lookbackMs;
    private final Map<String, Group> groups;

    /**
     * @param lookbackMs how far before a line's pane a group is loaded: the windows an emission builds for that pane
     *                   start at most the longest view's size earlier
     * @param maxGroups  groups kept (least recently used let go first), bounding the memory to about that many hours
     *                   of panes
     */
    PaneCache(WindowStore<String, TrendPane> store, long lookbackMs, int maxGroups) {
        this.store = store;
        this.lookbackMs = lookbackMs;
        this.groups = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Group> eldest) {
                return size() > maxGroups;
            }
        };
    }

    /** The pane of {@code group} starting at {@code start}; null if it has no line yet. */
    TrendPane get(String group, long start) {
        return loaded(group, start - lookbackMs).panes.get(start);
    }

    /** Writes {@code pane} to the store and keeps it. */
    void put(String group, long start, TrendPane pane) {
        store.put(group, pane, start);
        Group loaded = groups.get(group);
        if (loaded != null && start >= loaded.from) {
            loaded.panes.put(start, pane);
        }
    }

    /** The panes of {@code group} starting in [{@code from}, {@code to}], by ascending start. */
    List<KeyValue<Long, TrendPane>> range(String group, long from, long to) {
        NavigableMap<Long, TrendPane> panes = loaded(group, from).panes.subMap(from, true, to, true);
        List<KeyValue<Long, TrendPane>> list = new ArrayList<>(panes.size());
        panes.forEach((start, pane) -> list.add(KeyValue.pair(start, pane)));
        return list;
    }

    /** Lets go of the panes starting before {@code start}: no window that still accepts lines holds them. */
    void forgetBefore(long start) {
        for (Group group : groups.values()) {
            if (group.from < start) {
                group.panes.headMap(start).clear();
                group.from = start;
            }
        }
    }

    private Group loaded(String group, long from) {
        Group loaded = groups.get(group);
        if (loaded == null || from < loaded.from) {
            loaded = new Group(from);
            try (WindowStoreIterator<TrendPane> found = store.fetch(group, from, Long.MAX_VALUE)) {
                while (found.hasNext()) {
                    KeyValue<Long, TrendPane> pane = found.next();
                    loaded.panes.put(pane.key, pane.value);
                }
            }
            groups.put(group, loaded);
        }
        return loaded;
    }

    private static final class Group {
        private final TreeMap<Long, TrendPane> panes = new TreeMap<>();
        private long from;

        private Group(long from) {
            this.from = from;
        }
    }
}
