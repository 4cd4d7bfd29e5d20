package com.zmart.trends.trends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.streams.state.BeforeCommit;
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
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds each sale line (keyed {@code storeId/department}) to its pane, and once per emit interval emits every window of
 * every view that holds a changed pane, built from the panes (ADR 0009). A line changes its pane and the pane's mark,
 * however many views and windows hold it; a window is built once per emission that changes it.
 *
 * <p>Panes are read and changed through a {@link PaneCache} of objects, and the changed panes are marked in
 * {@link PaneMarks}; both write what changed to their changelogged stores once, before each commit
 * ({@link BeforeCommit}, ADR 0013). Windows are emitted from a wall-clock punctuation. Under exactly-once the store
 * updates and the emitted records commit together, so a crash neither loses an emission nor repeats one.
 */
final class WindowedTrendsProcessor implements Processor<String, Sale, String, SalesTrend> {

    private static final Logger log = LoggerFactory.getLogger(WindowedTrendsProcessor.class);
    private static final String METRICS_SCOPE = "zmart-sales-trends";
    /** Groups (store and department) whose panes a task keeps as objects; the demo has 120 in all. */
    private static final int CACHED_GROUPS = 4096;

    private final TrendsProperties properties;
    private final PaneGrid grid;
    private final long longestViewMs;
    private final List<View> views = new ArrayList<>();
    private ProcessorContext<String, SalesTrend> context;
    private PaneCache panes;
    private PaneMarks marks;

    private WindowedTrendsProcessor(TrendsProperties properties) {
        this.properties = properties;
        this.grid = PaneGrid.of(properties);
        this.longestViewMs = properties.windows().stream().mapToLong(window -> window.size().toMillis()).max()
                .orElseThrow();
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
        this.panes = new PaneCache(context.getStateStore(TrendStores.PANES), longestViewMs, CACHED_GROUPS);
        this.marks = new PaneMarks(context.getStateStore(TrendStores.CHANGED_PANES));
        context.<BeforeCommit>getStateStore(TrendStores.BEFORE_COMMIT).run(() -> {
            panes.writeChanged();
            marks.writeChanged();
        });
        Duration tick = null;
        views.clear();
        for (TrendWindow window : properties.windows()) {
            // Shared by the tasks of a thread: metrics late-sale-lines-dropped-rate/-total, group
            // stream-zmart-sales-trends-metrics, tag zmart-sales-trends-id=<kind>.
            Duration interval = properties.emitInterval(window);
            views.add(new View(views.size(), window, interval.toMillis(), context.metrics().addRateTotalSensor(
                    METRICS_SCOPE, window.kind(), "late-sale-lines-dropped", Sensor.RecordingLevel.INFO)));
            tick = tick == null || interval.compareTo(tick) < 0 ? interval : tick;
        }
        long tickMs = tick.toMillis();
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, now -> {
            // The first tick comes one tick after the start: each view is first written one interval after it.
            views.stream().filter(view -> view.nextEmissionAt == View.NOT_YET)
                    .forEach(view -> view.nextEmissionAt = now - tickMs + view.emitIntervalMs);
            emitChanged(now);
        });
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
        marks.lineAdded(new ChangedPane(group, paneStart, countsFrom), time);
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

    /**
     * Forwards, for each view whose emit interval has passed, the latest figures of every window holding a pane changed
     * since the view last wrote it; a pane's mark goes once every view has.
     */
    private void emitChanged(long now) {
        List<View> due = views.stream().filter(view -> view.nextEmissionAt <= now).toList();
        if (due.isEmpty()) {
            return;
        }
        Map<String, Map<View, Map<Long, Long>>> windowsByGroup = new HashMap<>();
        Map<ChangedPane, PaneChange> updated = new HashMap<>();
        marks.forEach((pane, mark) -> {
            PaneChange change = mark;
            for (View view : due) {
                if (change.writtenBy(view.position)) {
                    continue;
                }
                change = change.withWrittenBy(view.position);
                long size = view.window.size().toMillis();
                Map<Long, Long> starts = windowsByGroup.computeIfAbsent(pane.group(), g -> new HashMap<>())
                        .computeIfAbsent(view, v -> new HashMap<>());
                for (long start : PaneGrid.windowStarts(view.window, pane.start())) {
                    if (start + size >= pane.countsFrom()) {
                        starts.merge(start, change.latestLineTime(), Math::max);
                    }
                }
            }
            if (!change.equals(mark)) {
                updated.put(pane, change);
            }
        });
        windowsByGroup.forEach(this::emit);
        int allViews = (1 << views.size()) - 1;
        updated.forEach((pane, change) -> {
            // Masked: a mark restored from a configuration with more views may carry their bits too.
            if ((change.writtenViews() & allViews) == allViews) {
                marks.remove(pane);
            } else {
                marks.put(pane, change);
            }
        });
        due.forEach(view -> view.nextEmissionAt = now + view.emitIntervalMs);
        // A late line counts in windows ending after stream time minus the grace; their panes start at most the
        // longest view earlier.
        panes.forgetBefore(grid.paneStart(context.currentStreamTimeMs() - properties.grace().toMillis())
                - longestViewMs);
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

    /** A configured view, its position (its bit in {@link PaneChange}) and when it is next written. */
    private static final class View {
        private static final long NOT_YET = Long.MIN_VALUE;
        private final int position;
        private final TrendWindow window;
        private final long emitIntervalMs;
        private final Sensor lateLines;
        private long nextEmissionAt = NOT_YET;

        private View(int position, TrendWindow window, long emitIntervalMs, Sensor lateLines) {
            this.position = position;
            this.window = window;
            this.emitIntervalMs = emitIntervalMs;
            this.lateLines = lateLines;
        }
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
