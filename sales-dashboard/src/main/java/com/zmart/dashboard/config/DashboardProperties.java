package com.zmart.dashboard.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dashboard ({@code zmart.dashboard.*}).
 *
 * @param defaultWindowKind which trend view the charts show unless asked otherwise, e.g. {@code tumbling-1m}
 * @param defaultRange      how far back the charts look unless asked otherwise
 * @param maxRange          the longest range a request may ask for (bounds the rows one request reads)
 * @param refreshInterval   how often the page polls for new figures
 * @param maxCampaigns      the most campaigns one request may list
 * @param shownSeries       how many lines the trend charts show at first, those with the most revenue; the others
 *                          are in the legend, shown on a click (a store-and-department view has dozens)
 */
@Validated
@ConfigurationProperties("zmart.dashboard")
public record DashboardProperties(@NotBlank String defaultWindowKind,
                                  @NotNull Duration defaultRange,
                                  @NotNull Duration maxRange,
                                  @NotNull Duration refreshInterval,
                                  @Min(1) @Max(1000) int maxCampaigns,
                                  @Min(1) @Max(100) int shownSeries) {
}
