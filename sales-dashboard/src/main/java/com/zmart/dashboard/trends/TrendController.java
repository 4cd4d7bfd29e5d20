package com.zmart.dashboard.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sales trends as the dashboard's charts draw them. */
@RestController
@RequestMapping(path = "/api/trends", produces = "application/json")
@Tag(name = "trends", description = "Revenue and units per store and department over time")
class TrendController {

    private final TrendService trends;

    TrendController(TrendService trends) {
        this.trends = trends;
    }

    @GetMapping
    @Operation(summary = "Revenue and units per window, one series per store, department or both",
            description = "Bad parameters are answered 400 with an application/problem+json body naming them.")
    TrendChart chart(
            @Parameter(description = "Trend view, e.g. tumbling-1m or hopping-1h-5m (default: configured)")
            @RequestParam Optional<String> windowKind,
            @Parameter(description = "store, department or store-department")
            @RequestParam(defaultValue = "store-department") String groupBy,
            @Parameter(description = "How far back from 'until' (ISO-8601 like PT1H, or 30m); default configured")
            @RequestParam Optional<Duration> range,
            @Parameter(description = "End of the range, exclusive (ISO-8601 instant); default now")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> until,
            @Parameter(description = "Only this store") @RequestParam Optional<String> storeId,
            @Parameter(description = "Only this department") @RequestParam Optional<String> department) {
        return trends.chart(windowKind, groupBy, range, until, storeId, department);
    }

    @GetMapping("/dimensions")
    @Operation(summary = "The window kinds, stores and departments there are trends for")
    TrendRepository.TrendDimensions dimensions() {
        return trends.dimensions();
    }
}
