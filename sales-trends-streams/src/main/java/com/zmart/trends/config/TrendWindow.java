package com.zmart.trends.config;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * One windowed view: tumbling when {@code advance} is unset (or equals the size), hopping otherwise.
 *
 * @param size    window length
 * @param advance how far each window starts after the previous one; at most the size
 */
public record TrendWindow(@NotNull Duration size, Duration advance) {

    public static TrendWindow tumbling(Duration size) {
        return new TrendWindow(size, null);
    }

    public static TrendWindow hopping(Duration size, Duration advance) {
        return new TrendWindow(size, advance);
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

    @AssertTrue(message = "window size must be positive and advance between 0 (exclusive) and the size")
    public boolean isValid() {
        if (size == null) {
            return true;
        }
        boolean sizeOk = Durations.isPositiveOrUnset(size);
        boolean advanceOk = advance == null || (Durations.isPositiveOrUnset(advance) && advance.compareTo(size) <= 0);
        return sizeOk && advanceOk;
    }
}
