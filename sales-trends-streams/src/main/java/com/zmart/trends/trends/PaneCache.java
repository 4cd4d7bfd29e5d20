package com.zmart.trends.trends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import com.zmart.trends.state.TrendPane;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The panes of a task's recently active groups as objects, in front of the panes store. The store keeps serialized
 * panes, so without this every line would deserialize its pane and every emission the hour of panes its windows span,
 * and serialize the whole pane again to write it. A line changes the pane's object only; {@link #writeChanged()}
 * writes each changed pane to the store once, before each commit ({@code BeforeCommit}), so the store and its changelog
 * hold every line the committed offsets cover (exactly-once). Reads of a cached group never touch the store.
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
    /** The groups with panes changed since the last {@link #writeChanged()}. */
    private final Map<String, Group> changed = new HashMap<>();

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
                if (size() <= maxGroups) {
                    return false;
                }
                eldest.getValue().writeChanged(eldest.getKey(), Long.MAX_VALUE);
                changed.remove(eldest.getKey());
                return true;
            }
        };
    }

    /** The pane of {@code group} starting at {@code start}; null if it has no line yet. */
    TrendPane get(String group, long start) {
        return loaded(group, start - lookbackMs).panes.get(start);
    }

    /**
     * Keeps {@code pane}, to be written by the next {@link #writeChanged()}; a pane outside the group's objects (a line
     * older than anything still loaded) is written at once.
     */
    void put(String group, long start, TrendPane pane) {
        Group loaded = groups.get(group);
        if (loaded == null || start < loaded.from) {
            store.put(group, pane, start);
            return;
        }
        loaded.panes.put(start, pane);
        if (loaded.changed.add(start)) {
            changed.put(group, loaded);
        }
    }

    /** Writes every pane changed since the last call to the store: once per commit, however many lines changed it. */
    void writeChanged() {
        changed.forEach((name, group) -> group.writeChanged(name, Long.MAX_VALUE));
        changed.clear();
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
        for (var entry : groups.entrySet()) {
            Group group = entry.getValue();
            if (group.from < start) {
                group.writeChanged(entry.getKey(), start);
                group.panes.headMap(start).clear();
                group.from = start;
            }
        }
    }

    private Group loaded(String group, long from) {
        Group loaded = groups.get(group);
        if (loaded == null || from < loaded.from) {
            if (loaded != null) {
                // Loaded again from the store, further back: what changed goes there first.
                loaded.writeChanged(group, Long.MAX_VALUE);
                changed.remove(group);
            }
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

    private final class Group {
        private final TreeMap<Long, TrendPane> panes = new TreeMap<>();
        /** Starts of the panes changed since they were last written. */
        private final Set<Long> changed = new HashSet<>();
        private long from;

        private Group(long from) {
            this.from = from;
        }

        /** Writes the changed panes starting before {@code before} to the store. */
        private void writeChanged(String name, long before) {
            for (var start = changed.iterator(); start.hasNext(); ) {
                long paneStart = start.next();
                if (paneStart < before) {
                    store.put(name, panes.get(paneStart), paneStart);
                    start.remove();
                }
            }
        }
    }
}
