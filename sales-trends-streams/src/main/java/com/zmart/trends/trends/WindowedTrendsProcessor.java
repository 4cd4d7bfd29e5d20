package com.zmart.trends.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.trends.state.SalesTrendAggregate;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds each sale line (keyed {@code storeId/department}) to every window of every view that covers its event time,
 * and emits each changed window's latest figures once per emit interval (ADR 0009).
 *
 * <p>Why not the DSL's windowed aggregate: its aggregator does not know which window it adds to, so distinct
 * transactions and customers had to be kept as sets inside the totals, and every line re-read and re-wrote them in
 * each of its (twelve, for an hour hopping by 5 minutes) windows: the cost of a line grew with its windows' traffic.
 * Here a members store answers "already counted?" for all of a line's windows at once, and the totals stay small.
 *
 * <p>Changed windows are recorded in a changelogged store and emitted from a wall-clock punctuation. Under
 * exactly-once the store updates and the emitted records commit together, so a crash neither loses an emission nor
 * repeats one.
 */
final class WindowedTrendsProcessor implements Processor<String, Sale, String, SalesTrend> {

    private static final Logger log = LoggerFactory.getLogger(WindowedTrendsProcessor.class);
    private static final String METRICS_SCOPE = "zmart-sales-trends";

    private final TrendsProperties properties;
    private final List<View> views = new ArrayList<>();
    private ProcessorContext<String, SalesTrend> context;

    private WindowedTrendsProcessor(TrendsProperties properties) {
        this.properties = properties;
    }

    static ProcessorSupplier<String, Sale, String, SalesTrend> supplier(TrendsProperties properties) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Sale, String, SalesTrend> get() {
                return new WindowedTrendsProcessor(properties);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.copyOf(properties.windows().stream()
                        .flatMap(window -> TrendViewStores.of(window, properties).stream()).toList());
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, SalesTrend> context) {
        this.context = context;
        for (TrendWindow window : properties.windows()) {
            String kind = window.kind();
            views.add(new View(kind, window.timeWindows(properties.grace()),
                    context.getStateStore(TrendViewStores.totalsStoreName(kind)),
                    new WindowMembers(context.getStateStore(TrendViewStores.membersStoreName(kind)),
                            window.size().toMillis()),
                    context.getStateStore(TrendViewStores.changedStoreName(kind)),
                    // Shared by the tasks of a thread: metrics late-sale-lines-dropped-rate/-total, group
                    // stream-zmart-sales-trends-metrics, tag zmart-sales-trends-id=<kind>.
                    context.metrics().addRateTotalSensor(METRICS_SCOPE, kind, "late-sale-lines-dropped",
                            Sensor.RecordingLevel.INFO)));
        }
        context.schedule(properties.emitInterval(), PunctuationType.WALL_CLOCK_TIME, now -> emitChanged());
    }

    @Override
    public void process(Record<String, Sale> record) {
        String group = record.key();
        Sale sale = record.value();
        long time = record.timestamp();
        long closedBefore = context.currentStreamTimeMs() - properties.grace().toMillis();
        for (View view : views) {
            long[] starts = openWindowStarts(view, sale, time, closedBefore);
            boolean[] newTransaction = view.members.addTransaction(group, sale.getTransactionId(), time, starts);
            boolean[] newCustomer = view.members.addCustomer(group, sale.getCustomerId(), time, starts);
            for (int i = 0; i < starts.length; i++) {
                long start = starts[i];
                SalesTrendAggregate totals = Objects.requireNonNullElseGet(view.totals.fetch(group, start),
                        SalesTrendAggregator::empty);
                view.totals.put(group, SalesTrendAggregator.add(totals, sale, newTransaction[i], newCustomer[i]),
                        start);
                String changed = new ChangedWindow(group, start).encoded();
                Long latest = view.changed.get(changed);
                view.changed.put(changed, latest == null ? time : Math.max(latest, time));
            }
        }
    }

    /** The starts of the view's windows that cover {@code time} and still accept lines; counts the others as late. */
    private static long[] openWindowStarts(View view, Sale sale, long time, long closedBefore) {
        Map<Long, ? extends Window> windows = view.windows.windowsFor(time);
        long[] starts = new long[windows.size()];
        int open = 0;
        for (var window : windows.entrySet()) {
            if (window.getValue().end() <= closedBefore) {
                view.lateLines.record();
                log.debug("Sale line {}/{} is later than the grace for {} window {}; not counted there",
                        sale.getTransactionId(), sale.getLineNumber(), view.kind, window.getKey());
            } else {
                starts[open++] = window.getKey();
            }
        }
        return open == starts.length ? starts : Arrays.copyOf(starts, open);
    }

    /** Forwards the latest figures of every window changed since the last call, timestamped by its latest line. */
    private void emitChanged() {
        for (View view : views) {
            List<KeyValue<String, Long>> changed = new ArrayList<>();
            try (KeyValueIterator<String, Long> all = view.changed.all()) {
                all.forEachRemaining(changed::add);
            }
            for (KeyValue<String, Long> entry : changed) {
                ChangedWindow window = ChangedWindow.decode(entry.key);
                SalesTrendAggregate totals = view.totals.fetch(window.group(), window.start());
                if (totals != null) {
                    Instant start = Instant.ofEpochMilli(window.start());
                    SalesTrend trend = SalesTrends.of(totals, start, start.plusMillis(view.windows.size()), view.kind,
                            properties.topItems());
                    context.forward(new Record<>(TrendKeys.topicKey(trend.getStoreId(), trend.getDepartment(),
                            view.kind, trend.getWindowStart()), trend, entry.value));
                }
                view.changed.delete(entry.key);
            }
        }
    }

    private record View(String kind, TimeWindows windows, WindowStore<String, SalesTrendAggregate> totals,
                        WindowMembers members, KeyValueStore<String, Long> changed, Sensor lateLines) {
    }

    /** A window of a group changed since the last emission, as the key of the changed-windows store. */
    record ChangedWindow(String group, long start) {

        String encoded() {
            return start + "@" + group;
        }

        static ChangedWindow decode(String encoded) {
            int at = encoded.indexOf('@');
            return new ChangedWindow(encoded.substring(at + 1), Long.parseLong(encoded.substring(0, at)));
        }
    }
}
