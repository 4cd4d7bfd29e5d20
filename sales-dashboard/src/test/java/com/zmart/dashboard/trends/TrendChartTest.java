package com.zmart.dashboard.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final TrendQuery QUERY = new TrendQuery("tumbling-1m", TrendGrouping.STORE_DEPARTMENT, T0,
            T0.plusSeconds(3600), Optional.empty(), Optional.empty());
    private static final int SHOWN = 8;

    @Test
    void seriesAreAlignedOnTheWindowsAndAWindowWithoutSalesIsZero() {
        TrendChart chart = TrendChart.of(QUERY, List.of(
                row("store-02", "Dairy", T1, 4, "10.00"),
                row("store-01", "Dairy", T0, 1, "2.50"),
                row("store-01", "Dairy", T2, 3, "7.25"),
                row("store-01", "Bakery", T1, 2, "5.00")), SHOWN);

        assertThat(chart.windows()).containsExactly(T0, T1, T2);
        assertThat(chart.series()).extracting(TrendSeries::label)
                .containsExactly("store-01 · Bakery", "store-01 · Dairy", "store-02 · Dairy");
        TrendSeries dairy = chart.series().get(1);
        assertThat(dairy.units()).containsExactly(1L, 0L, 3L);
        assertThat(dairy.revenue()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2.50"), BigDecimal.ZERO, new BigDecimal("7.25"));
        assertThat(chart.series().get(2).units()).containsExactly(0L, 4L, 0L);
        assertThat(chart.totalUnits()).isEqualTo(10);
        assertThat(chart.totalRevenue()).isEqualByComparingTo("24.75");
    }

    @Test
    void aSeriesThatSumsAllStoresIsLabelledByItsDepartmentAndAllOfEverythingIsLabelledAll() {
        TrendQuery byDepartment = new TrendQuery("tumbling-1m", TrendGrouping.DEPARTMENT, T0, T2, Optional.empty(),
                Optional.empty());
        TrendChart chart = TrendChart.of(byDepartment, List.of(row(null, "Dairy", T0, 1, "1.00"),
                row(null, null, T0, 2, "2.00")), SHOWN);

        assertThat(chart.groupBy()).isEqualTo("department");
        assertThat(chart.series()).extracting(TrendSeries::label).containsExactly("all", "Dairy");
    }

    @Test
    void theSeriesShownFirstAreThoseWithTheMostRevenueTiesByLabel() {
        TrendChart chart = TrendChart.of(QUERY, List.of(
                row("store-01", "Dairy", T0, 1, "2.50"),
                row("store-01", "Dairy", T1, 1, "2.50"),
                row("store-02", "Dairy", T1, 4, "10.00"),
                row("store-01", "Bakery", T1, 2, "5.00"),
                row("store-03", "Toys", T2, 9, "1.00")), 2);

        assertThat(chart.series()).hasSize(4);
        assertThat(chart.shownSeries()).containsExactly("store-02 · Dairy", "store-01 · Bakery");
        assertThat(TrendChart.of(QUERY, List.of(row("store-01", "Dairy", T0, 1, "2.50")), 2).shownSeries())
                .containsExactly("store-01 · Dairy");
    }

    @Test
    void noRowsIsAnEmptyChartNotAnError() {
        TrendChart chart = TrendChart.of(QUERY, List.of(), SHOWN);

        assertThat(chart.windows()).isEmpty();
        assertThat(chart.series()).isEmpty();
        assertThat(chart.totalUnits()).isZero();
        assertThat(chart.totalRevenue()).isEqualByComparingTo("0");
        assertThat(chart.from()).isEqualTo(T0);
    }

    private static TrendRow row(String store, String department, Instant window, long units, String revenue) {
        return new TrendRow(store, department, window, units, new BigDecimal(revenue));
    }
}
