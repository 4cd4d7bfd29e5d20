package com.zmart.trends.trends;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import com.zmart.events.SalesTrend;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.state.LateTotals;
import com.zmart.trends.state.TrendPane;
import org.apache.kafka.streams.KeyValue;

/**
 * Builds a view's windows of one group (store and department) from its panes, when a window is emitted or queried,
 * never when a line arrives. A window holds the on-time lines of its panes plus their late lines that arrived while it
 * was still open ({@code countsFrom} at or before its end).
 */
public final class PaneWindows {

    private PaneWindows() {
    }

    /**
     * The windows of {@code view} starting at {@code starts} (ascending), from {@code panes} (a group's, by ascending
     * start), skipping windows without lines.
     */
    public static List<SalesTrend> compute(List<KeyValue<Long, TrendPane>> panes, TrendWindow view,
                                           NavigableSet<Long> starts, int topItems) {
        List<SalesTrend> trends = new ArrayList<>();
        long size = view.size().toMillis();
        WindowTotals window = new WindowTotals();
        int added = 0;
        int removed = 0;
        for (long start : starts) {
            long end = start + size;
            for (; added < panes.size() && panes.get(added).key < end; added++) {
                window.add(panes.get(added).value);
            }
            for (; removed < added && panes.get(removed).key < start; removed++) {
                window.remove(panes.get(removed).value.getOnTime());
            }
            List<LateTotals> late = lateLinesOf(panes.subList(removed, added), end);
            late.forEach(l -> window.add(l.getTotals()));
            if (!window.isEmpty()) {
                trends.add(window.toTrend(view.kind(), start, end, topItems));
            }
            late.forEach(l -> window.remove(l.getTotals()));
        }
        return trends;
    }

    /** Every window of {@code view} holding at least one of {@code panes}, by ascending start. */
    public static NavigableSet<Long> windowStarts(List<KeyValue<Long, TrendPane>> panes, TrendWindow view) {
        NavigableSet<Long> starts = new TreeSet<>();
        for (KeyValue<Long, TrendPane> pane : panes) {
            for (long start : PaneGrid.windowStarts(view, pane.key)) {
                starts.add(start);
            }
        }
        return starts;
    }

    private static List<LateTotals> lateLinesOf(List<KeyValue<Long, TrendPane>> panes, long windowEnd) {
        List<LateTotals> late = new ArrayList<>();
        for (KeyValue<Long, TrendPane> pane : panes) {
            for (LateTotals lines : pane.value.getLate()) {
                if (lines.getCountsFrom() <= windowEnd) {
                    late.add(lines);
                }
            }
        }
        return late;
    }
}
