package com.zmart.dashboard.topitems;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.zmart.dashboard.trends.TrendGrouping;
import com.zmart.dashboard.trends.TrendQuery;
import com.zmart.dashboard.trends.TrendService;
import com.zmart.web.problems.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The best sellers per store, over the same view, range and filters as the trend charts. */
@RestController
@Tag(name = "top items", description = "What customers in each store buy most")
class TopItemsController {

    private static final int MAX_ITEMS = 20;

    private final TrendService trends;
    private final TopItemsRepository repository;

    TopItemsController(TrendService trends, TopItemsRepository repository) {
        this.trends = trends;
        this.repository = repository;
    }

    @GetMapping(path = "/api/top-items", produces = "application/json")
    @Operation(summary = "Best-selling products per store over the range, most units first",
            description = "Summed over the range's windows from each window's top items per department (the "
                    + "sales-trends top-items setting): exact for a product that is among them in every window it "
                    + "sold in. Bad parameters are answered 400 with an application/problem+json body naming them.")
    TopItems topItems(
            @Parameter(description = "Trend view, e.g. tumbling-1m (default: configured)")
            @RequestParam Optional<String> windowKind,
            @Parameter(description = "How far back from 'until' (ISO-8601 like PT1H, or 30m); default configured")
            @RequestParam Optional<Duration> range,
            @Parameter(description = "End of the range, exclusive (ISO-8601 instant); default now")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<Instant> until,
            @Parameter(description = "Only this store") @RequestParam Optional<String> storeId,
            @Parameter(description = "Only this department") @RequestParam Optional<String> department,
            @Parameter(description = "How many products per store at most") @RequestParam(defaultValue = "5") int limit) {
        if (limit < 1 || limit > MAX_ITEMS) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_ITEMS);
        }
        TrendQuery query = trends.query(windowKind, TrendGrouping.STORE.parameter(), range, until, storeId, department);
        return new TopItems(query.windowKind(), query.from(), query.until(), repository.find(query, limit));
    }
}
