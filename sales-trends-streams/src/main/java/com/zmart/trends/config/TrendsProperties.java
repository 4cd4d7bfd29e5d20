package com.zmart.trends.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The windowed sales aggregates ({@code zmart.sales-trends.trends.*}).
 *
 * @param windows   the views computed, each written to the trends topic with its own {@code windowKind}
 * @param grace     how long after a window's end a late sale line still counts; later ones are dropped
 * @param emitInterval how often (wall-clock) the latest figures of the windows changed since are written to the
 *                  trends topic: a window changed by many lines in that time is written once; a view may set its own
 * @param retention how long windows stay queryable over REST (at least each window's size plus the grace)
 * @param topItems  how many best-selling products a trend lists
 */
public record TrendsProperties(@NotEmpty List<@NotNull @Valid TrendWindow> windows,
                               @NotNull Duration grace,
                               @NotNull Duration emitInterval,
                               @NotNull Duration retention,
                               @Min(1) @Max(100) int topItems) {

    public TrendsProperties {
        windows = windows == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(windows));
    }

    @AssertTrue(message = "grace must not be negative")
    public boolean isGraceNotNegative() {
        return grace == null || !grace.isNegative();
    }

    @AssertTrue(message = "emit-interval must be positive")
    public boolean isEmitIntervalPositive() {
        return Durations.isPositiveOrUnset(emitInterval);
    }

    @AssertTrue(message = "retention must be positive")
    public boolean isRetentionPositive() {
        return Durations.isPositiveOrUnset(retention);
    }

    /** Each view has a bit in the changed-panes store (which views wrote a pane's windows). */
    @AssertTrue(message = "at most 31 windows")
    public boolean isWindowCountSupported() {
        return windows.size() <= 31;
    }

    /** Each view names its output records and its store, so two views of the same shape would collide. */
    @AssertTrue(message = "windows must be distinct")
    public boolean isWindowsDistinct() {
        List<String> kinds = windows.stream().filter(Objects::nonNull).filter(TrendWindow::isValid)
                .map(TrendWindow::kind).toList();
        return new HashSet<>(kinds).size() == kinds.size();
    }

    /** How often the changed windows of {@code window} are written: its own emit interval, or the trends'. */
    public Duration emitInterval(TrendWindow window) {
        return window.emitInterval() != null ? window.emitInterval() : emitInterval;
    }

    /** The view named {@code kind}, e.g. {@code tumbling-1m}. */
    public java.util.Optional<TrendWindow> window(String kind) {
        return windows.stream().filter(w -> w.kind().equals(kind)).findFirst();
    }

    /** How long windows of {@code window} stay queryable: the retention, but never less than size plus grace. */
    public Duration storeRetention(TrendWindow window) {
        Duration needed = window.size().plus(grace);
        return retention.compareTo(needed) >= 0 ? retention : needed;
    }

    /** How long panes are kept: every pane of the oldest window still queryable in any view. */
    public Duration paneRetention() {
        return windows.stream().map(w -> storeRetention(w).plus(w.size())).max(Duration::compareTo)
                .orElse(retention);
    }
}
