package com.zmart.trends.trends;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.zmart.trends.trends.WindowedTrendsProcessor.ChangedPane;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The changed-pane marks of a task as objects, in front of their store: loaded whole when the processor starts (a mark
 * lives until every view has written its windows, so there are about as many as panes changed in an emit interval),
 * changed in memory by each line and emission, and written to the store once per commit by {@link #writeChanged()}.
 */
final class PaneMarks {

    private final KeyValueStore<String, PaneChange> store;
    private final Map<ChangedPane, PaneChange> marks = new HashMap<>();
    /** Marks changed or removed since the last {@link #writeChanged()}. */
    private final Set<ChangedPane> changed = new HashSet<>();

    PaneMarks(KeyValueStore<String, PaneChange> store) {
        this.store = store;
        try (KeyValueIterator<String, PaneChange> all = store.all()) {
            all.forEachRemaining(entry -> marks.put(ChangedPane.decode(entry.key), entry.value));
        }
    }

    /** A line at {@code lineTime} changed {@code pane}: every view has to write its windows again. */
    void lineAdded(ChangedPane pane, long lineTime) {
        marks.merge(pane, PaneChange.at(lineTime), (mark, line) -> mark.changedAgainAt(lineTime));
        changed.add(pane);
    }

    void forEach(BiConsumer<ChangedPane, PaneChange> action) {
        marks.forEach(action);
    }

    void put(ChangedPane pane, PaneChange change) {
        marks.put(pane, change);
        changed.add(pane);
    }

    void remove(ChangedPane pane) {
        marks.remove(pane);
        changed.add(pane);
    }

    /** Writes the marks changed since the last call to the store, and removes those removed. */
    void writeChanged() {
        for (ChangedPane pane : changed) {
            PaneChange change = marks.get(pane);
            if (change == null) {
                store.delete(pane.encoded());
            } else {
                store.put(pane.encoded(), change);
            }
        }
        changed.clear();
    }
}
