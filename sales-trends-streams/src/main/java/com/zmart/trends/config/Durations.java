package com.zmart.trends.config;

import java.time.Duration;

/** Small helpers for duration settings: validation and the short names windows are known by. */
public final class Durations {

    private Durations() {
    }

    /** True for a positive duration, and for null, which {@code @NotNull} reports on its own. */
    static boolean isPositiveOrUnset(Duration duration) {
        return duration == null || (!duration.isNegative() && !duration.isZero());
    }

    /** Short form in the largest whole unit: {@code 1h}, {@code 5m}, {@code 30s}, {@code 250ms}; days stay hours. */
    public static String shortName(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
