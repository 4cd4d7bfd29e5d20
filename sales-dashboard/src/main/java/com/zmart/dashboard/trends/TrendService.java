package com.zmart.dashboard.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import com.zmart.dashboard.config.DashboardProperties;
import com.zmart.web.problems.Ids;
import com.zmart.web.problems.InvalidRequestException;
import org.springframework.stereotype.Service;

/** Turns a chart request into a checked {@link TrendQuery} and the rows into a {@link TrendChart}. */
@Service
public class TrendService {

    /** Window kinds are short names such as {@code tumbling-1m} or {@code hopping-1h-5m}. */
    private static final Pattern WINDOW_KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** Departments are display names such as {@code Home & Garden}; stores are ids. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._&/-]{1,80}");

    private final TrendRepository repository;
    private final DashboardProperties properties;
    private final Clock clock;

    public TrendService(TrendRepository repository, DashboardProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    public TrendChart chart(Optional<String> windowKind, String groupBy, Optional<Duration> range,
                            Optional<Instant> until, Optional<String> storeId, Optional<String> department) {
        TrendQuery query = query(windowKind, groupBy, range, until, storeId, department);
        return TrendChart.of(query, repository.find(query), properties.shownSeries());
    }

    /** Checks every parameter; the first bad one is a 400 naming it. */
    public TrendQuery query(Optional<String> windowKind, String groupBy, Optional<Duration> range,
                            Optional<Instant> until, Optional<String> storeId, Optional<String> department) {
        String kind = windowKind.filter(k -> !k.isBlank()).orElse(properties.defaultWindowKind());
        if (!WINDOW_KIND.matcher(kind).matches()) {
            throw new InvalidRequestException("windowKind", "must be lower-case letters, digits and '-', e.g. tumbling-1m");
        }
        TrendGrouping grouping = TrendGrouping.fromParameter(groupBy);
        Duration span = range.orElse(properties.defaultRange());
        if (span.compareTo(Duration.ofMinutes(1)) < 0 || span.compareTo(properties.maxRange()) > 0) {
            throw new InvalidRequestException("range", "must be between PT1M and " + properties.maxRange());
        }
        Instant end = until.orElseGet(clock::instant);
        return new TrendQuery(kind, grouping, end.minus(span), end,
                present(storeId).map(id -> Ids.require("storeId", id)), present(department).map(TrendService::department));
    }

    private static Optional<String> present(Optional<String> parameter) {
        return parameter.filter(v -> !v.isBlank());
    }

    private static String department(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequestException("department", "must be 1 to 80 letters, digits, spaces or ._&/-");
        }
        return name;
    }

    public TrendRepository.TrendDimensions dimensions() {
        return repository.dimensions();
    }
}
