package com.zmart.trends.trends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.trends.state.TrendPane;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds each sale line (keyed {@code storeId/department}) to its pane, and once per emit interval emits every window of
 * every view that holds a changed pane, built from the panes (ADR 0009). A line costs one pane read and write and one
 * changed-pane mark, however many views and windows hold it; a window is built once per emission that changes it.
 *
 * <p>Panes are read through a {@link PaneCache} of objects and written through it to the store. Changed panes are
 * recorded in a changelogged store and emitted from a wall-clock punctuation. Under exactly-once the store updates and
 * the emitted records commit together, so a crash neither loses an emission nor repeats one.
 */
final class WindowedTrendsProcessor implements Processor<String, Sale, String, SalesTrend> {

    private static final Logger log = LoggerFactory.getLogger(WindowedTrendsProcessor.class);
    private static final String METRICS_SCOPE = "zmart-sales-trends";
    /** Groups (store and department) whose panes a task keeps as objects; the demo has 120 in all. */
    private static final int CACHED_GROUPS = 4096;

    private final TrendsProperties properties;
    private final PaneGrid grid;
    private final List<View> views = new ArrayList<>();
    private ProcessorContext<String, SalesTrend> context;
    private PaneCache panes;
    private KeyValueStore<String, Long> changed;

    private WindowedTrendsProcessor(TrendsProperties properties) {
        this.properties = properties;
        this.grid = PaneGrid.of(properties);
    }

    static ProcessorSupplier<String, Sale, String, SalesTrend> supplier(TrendsProperties properties) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Sale, String, SalesTrend> get() {
                return new WindowedTrendsProcessor(properties);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.copyOf(TrendStores.of(properties, PaneGrid.of(properties)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, SalesTrend> context) {
        this.context = context;
        this.panes = new PaneCache(context.getStateStore(TrendStores.PANES), longestViewMs(), CACHED_GROUPS);
        this.changed = context.getStateStore(TrendStores.CHANGED_PANES);
        for (TrendWindow window : properties.windows()) {
            // Shared by the tasks of a thread: metrics late-sale-lines-dropped-rate/-total, group
            // stream-zmart-sales-trends-metrics, tag zmart-sales-trends-id=<kind>.
            views.add(new View(window, context.metrics().addRateTotalSensor(METRICS_SCOPE, window.kind(),
                    "late-sale-lines-dropped", Sensor.RecordingLevel.INFO)));
        }
        context.schedule(properties.emitInterval(), PunctuationType.WALL_CLOCK_TIME, now -> emitChanged());
    }

    @Override
    public void process(Record<String, Sale> record) {
        String group = record.key();
        long time = record.timestamp();
        long paneStart = grid.paneStart(time);
        long paneEnd = paneStart + grid.paneMs();
        long countsFrom = grid.countsFrom(paneStart, context.currentStreamTimeMs() - properties.grace().toMillis());
        if (countsFrom > paneEnd && !countLateWindows(record.value(), time, countsFrom)) {
            return;
        }
        panes.put(group, paneStart, TrendPanes.add(panes.get(group, paneStart), record.value(), paneEnd, countsFrom));
        String mark = new ChangedPane(group, paneStart, countsFrom).encoded();
        Long latest = changed.get(mark);
        changed.put(mark, latest == null ? time : Math.max(latest, time));
    }

    /**
     * Counts, per view, the windows holding a late line that no longer accept it (those ending before
     * {@code countsFrom}); answers whether any window still does.
     */
    private boolean countLateWindows(Sale sale, long time, long countsFrom) {
        boolean countsSomewhere = false;
        for (View view : views) {
            TrendWindow window = view.window;
            long size = window.size().toMillis();
            for (long start : PaneGrid.windowStarts(window, time)) {
                if (start + size < countsFrom) {
                    view.lateLines.record();
                    log.debug("Sale line {}/{} is later than the grace for {} window {}; not counted there",
                            sale.getTransactionId(), sale.getLineNumber(), window.kind(), start);
                } else {
                    countsSomewhere = true;
                }
            }
        }
        return countsSomewhere;
    }

    /** Forwards the latest figures of every window holding a pane changed since the last call. */
    private void emitChanged() {
        Map<String, Map<View, Map<Long, Long>>> due = new HashMap<>();
        List<String> marks = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = changed.all()) {
            all.forEachRemaining(entry -> {
                marks.add(entry.key);
                ChangedPane pane = ChangedPane.decode(entry.key);
                Map<View, Map<Long, Long>> windows = due.computeIfAbsent(pane.group(), g -> new HashMap<>());
                for (View view : views) {
                    long size = view.window.size().toMillis();
                    Map<Long, Long> starts = windows.computeIfAbsent(view, v -> new HashMap<>());
                    for (long start : PaneGrid.windowStarts(view.window, pane.start())) {
                        if (start + size >= pane.countsFrom()) {
                            starts.merge(start, entry.value, Math::max);
                        }
                    }
                }
            });
        }
        due.forEach(this::emit);
        marks.forEach(changed::delete);
        // A late line counts in windows ending after stream time minus the grace; their panes start at most the
        // longest view earlier.
        panes.forgetBefore(grid.paneStart(context.currentStreamTimeMs() - properties.grace().toMillis())
                - longestViewMs());
    }

    private long longestViewMs() {
        return properties.windows().stream().mapToLong(window -> window.size().toMillis()).max().orElseThrow();
    }

    /** Builds and forwards the due windows of one group, each timestamped by its latest changed line. */
    private void emit(String group, Map<View, Map<Long, Long>> windows) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (var view : windows.entrySet()) {
            for (long start : view.getValue().keySet()) {
                from = Math.min(from, start);
                to = Math.max(to, start + view.getKey().window.size().toMillis() - 1);
            }
        }
        if (from > to) {
            return;
        }
        List<KeyValue<Long, TrendPane>> groupPanes = panes.range(group, from, to);
        for (var view : windows.entrySet()) {
            NavigableSet<Long> starts = new TreeSet<>(view.getValue().keySet());
            for (SalesTrend trend : PaneWindows.compute(groupPanes, view.getKey().window, starts,
                    properties.topItems())) {
                long timestamp = view.getValue().get(trend.getWindowStart().toEpochMilli());
                context.forward(new Record<>(TrendKeys.topicKey(trend.getStoreId(), trend.getDepartment(),
                        trend.getWindowKind(), trend.getWindowStart()), trend, timestamp));
            }
        }
    }

    private record View(TrendWindow window, Sensor lateLines) {
    }

    /**
     * A pane of a group changed since the last emission, by lines that count in the windows ending at or after
     * {@code countsFrom}.
     */
    record ChangedPane(String group, long start, long countsFrom) {

        String encoded() {
            return start + "@" + countsFrom + "@" + group;
        }

        static ChangedPane decode(String encoded) {
            int first = encoded.indexOf('@');
            int second = encoded.indexOf('@', first + 1);
            return new ChangedPane(encoded.substring(second + 1), Long.parseLong(encoded.substring(0, first)),
                    Long.parseLong(encoded.substring(first + 1, second)));
        }
    }
}
