package com.zmart.dashboard.trends;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Revenue and units over time, one series per group, aligned on the windows of the range: what the page draws.
 */
public record TrendChart(
        String windowKind,
        @Schema(description = "store, department or store-department") String groupBy,
        Instant from,
        Instant until,
        @Schema(description = "Start of each window of the chart, oldest first") List<Instant> windows,
        List<TrendSeries> series,
        @Schema(description = "Units sold over the whole range") long totalUnits,
        @Schema(description = "Revenue over the whole range") BigDecimal totalRevenue,
        @Schema(description = "Labels of the series the page shows at first: those with the most revenue in the range,"
                + " most first; the others are listed, to be shown on demand") List<String> shownSeries) {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Aligns the rows (any order) on the distinct windows they cover; at most {@code shown} series are shown first. */
    public static TrendChart of(TrendQuery query, List<TrendRow> rows, int shown) {
        List<Instant> windows = List.copyOf(new TreeSet<>(rows.stream().map(TrendRow::windowStart).toList()));
        Map<Instant, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < windows.size(); i++) {
            position.put(windows.get(i), i);
        }
        Map<List<String>, Accumulator> groups = new LinkedHashMap<>();
        long totalUnits = 0;
        BigDecimal totalRevenue = BigDecimal.ZERO;
        for (TrendRow row : rows) {
            Accumulator group = groups.computeIfAbsent(java.util.Arrays.asList(row.storeId(), row.department()),
                    k -> new Accumulator(row.storeId(), row.department(), windows.size()));
            int at = position.get(row.windowStart());
            group.units.set(at, group.units.get(at) + row.units());
            group.revenue.set(at, group.revenue.get(at).add(row.revenue()));
            totalUnits += row.units();
            totalRevenue = totalRevenue.add(row.revenue());
        }
        List<TrendSeries> series = groups.values().stream()
                .sorted(Comparator.comparing((Accumulator a) -> a.storeId, NULLS_FIRST)
                        .thenComparing(a -> a.department, NULLS_FIRST))
                .map(Accumulator::series)
                .toList();
        return new TrendChart(query.windowKind(), query.grouping().parameter(), query.from(), query.until(), windows,
                series, totalUnits, totalRevenue, mostRevenueFirst(series, shown));
    }

    private static List<String> mostRevenueFirst(List<TrendSeries> series, int shown) {
        return series.stream()
                .sorted(Comparator.comparing((TrendSeries s) -> s.revenue().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                        .reversed().thenComparing(TrendSeries::label))
                .limit(shown).map(TrendSeries::label).toList();
    }

    private static final class Accumulator {
        private final String storeId;
        private final String department;
        private final List<Long> units;
        private final List<BigDecimal> revenue;

        Accumulator(String storeId, String department, int windows) {
            this.storeId = storeId;
            this.department = department;
            this.units = new ArrayList<>(Collections.nCopies(windows, 0L));
            this.revenue = new ArrayList<>(Collections.nCopies(windows, BigDecimal.ZERO));
        }

        TrendSeries series() {
            String label = String.join(" · ", java.util.stream.Stream.of(storeId, department)
                    .filter(Objects::nonNull).toList());
            return new TrendSeries(label.isEmpty() ? "all" : label, storeId, department, List.copyOf(units),
                    List.copyOf(revenue));
        }
    }
}
