package com.zmart.trends.trends;

import java.util.List;

import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;

/**
 * The time geometry of the views: panes are the largest unit that divides every view's size and advance (one minute
 * for {@code tumbling-1m} and {@code hopping-1h-5m}), so every window, aligned to the epoch like {@code TimeWindows},
 * is a run of whole panes and ends on the pane grid.
 */
public final class PaneGrid {

    private final long paneMs;

    private PaneGrid(long paneMs) {
        this.paneMs = paneMs;
    }

    public static PaneGrid of(List<TrendWindow> views) {
        long pane = 0;
        for (TrendWindow view : views) {
            pane = gcd(pane, view.size().toMillis());
            pane = gcd(pane, view.advanceMs());
        }
        return new PaneGrid(pane);
    }

    public static PaneGrid of(TrendsProperties properties) {
        return of(properties.windows());
    }

    public long paneMs() {
        return paneMs;
    }

    public long paneStart(long time) {
        return Math.floorDiv(time, paneMs) * paneMs;
    }

    /**
     * The smallest window end a line of the pane at {@code paneStart} still counts in, when windows ending at or before
     * {@code closedBefore} (stream time minus the grace) no longer accept lines: the pane's own end for a line on time.
     */
    public long countsFrom(long paneStart, long closedBefore) {
        long firstOpenEnd = Math.floorDiv(closedBefore, paneMs) * paneMs + paneMs;
        return Math.max(paneStart + paneMs, firstOpenEnd);
    }

    /** The starts of the windows of {@code view} that hold {@code time}, oldest first (those of {@code TimeWindows}). */
    static long[] windowStarts(TrendWindow view, long time) {
        long advance = view.advanceMs();
        long first = Math.max(0, Math.floorDiv(time - view.size().toMillis() + advance, advance) * advance);
        long last = Math.floorDiv(time, advance) * advance;
        long[] starts = new long[(int) ((last - first) / advance) + 1];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = first + i * advance;
        }
        return starts;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
