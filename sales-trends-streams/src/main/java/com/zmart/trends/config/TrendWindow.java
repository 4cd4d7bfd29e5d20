package com.zmart.trends.config;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * One windowed view: tumbling when {@code advance} is unset (or equals the size), hopping otherwise.
 *
 * @param size         window length
 * @param advance      how far each window starts after the previous one; at most the size
 * @param emitInterval how often this view's changed windows are written to the trends topic; unset, the trends'
 *                     {@code emit-interval}. A long window changes little in a few seconds, and each of its emissions
 *                     writes every window holding a changed pane (twelve for {@code hopping-1h-5m})
 */
public record TrendWindow(@NotNull Duration size, Duration advance, Duration emitInterval) {

    public static TrendWindow tumbling(Duration size) {
        return new TrendWindow(size, null, null);
    }

    public static TrendWindow hopping(Duration size, Duration advance) {
        return new TrendWindow(size, advance, null);
    }

    /** This view, written at most once per {@code interval}. */
    public TrendWindow withEmitInterval(Duration interval) {
        return new TrendWindow(size, advance, interval);
    }

    public boolean isTumbling() {
        return advance == null || advance.equals(size);
    }

    /** The name of the view on the topic, in store names and in the REST API: {@code tumbling-1m}, {@code hopping-1h-5m}. */
    public String kind() {
        return isTumbling() ? "tumbling-" + Durations.shortName(size)
                : "hopping-" + Durations.shortName(size) + "-" + Durations.shortName(advance);
    }

    /** The advance in milliseconds: the size for a tumbling view. */
    public long advanceMs() {
        return isTumbling() ? size.toMillis() : advance.toMillis();
    }

    @AssertTrue(message = "window size must be positive, advance between 0 (exclusive) and the size, and emit-interval positive")
    public boolean isValid() {
        if (size == null) {
            return true;
        }
        boolean sizeOk = Durations.isPositiveOrUnset(size);
        boolean advanceOk = advance == null || (Durations.isPositiveOrUnset(advance) && advance.compareTo(size) <= 0);
        return sizeOk && advanceOk && Durations.isPositiveOrUnset(emitInterval);
    }
}
