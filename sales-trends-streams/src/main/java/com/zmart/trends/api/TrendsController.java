package com.zmart.trends.api;

import com.zmart.streams.interactivequeries.InteractiveQueries;
import com.zmart.streams.interactivequeries.InteractiveQueries.KeyQuery;
import com.zmart.trends.config.SalesTrendsProperties;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.trends.TrendStores;
import com.zmart.web.problems.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.serialization.Serdes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Current sales trends of a store, built from the panes of whichever instance owns the store (all departments of a
 * store live on one partition, so one instance answers).
 */
@RestController
@RequestMapping("/api/trends/stores")
@ApiResponse(responseCode = "400", description = "Unknown window kind, bad limit or malformed id (problem+json)")
@ApiResponse(responseCode = "503", description = "State moving (rebalance); retry after Retry-After seconds")
class TrendsController {

    private static final String DEFAULT_WINDOW = "tumbling-1m";

    private final InteractiveQueries queries;
    private final SalesTrendsProperties properties;
    private final TrendQueries trendQueries;

    TrendsController(InteractiveQueries queries, SalesTrendsProperties properties) {
        this.queries = queries;
        this.properties = properties;
        this.trendQueries = new TrendQueries(properties.trends());
    }

    @Operation(summary = "The latest window of each department of a store")
    @ApiResponse(responseCode = "404", description = "No retained window of this store")
    @GetMapping("/{storeId}")
    StoreTrends store(@PathVariable String storeId,
                      @Parameter(description = "window kind, e.g. tumbling-1m or hopping-1h-5m")
                      @RequestParam(defaultValue = DEFAULT_WINDOW) String window,
                      @RequestHeader(name = InteractiveQueries.FORWARDED_HEADER, defaultValue = "false") boolean forwarded,
                      HttpServletRequest request) {
        String store = Ids.require("storeId", storeId);
        TrendWindow view = QueryParameters.window(properties.trends(), window);
        return queries.query(new KeyQuery<>(TrendStores.PANES, store, Serdes.String().serializer(),
                access -> trendQueries.latestPerDepartment(TrendQueries.panes(access), store, view), pathOf(request),
                StoreTrends.class, TrendQueries.notFound(store, view)), forwarded);
    }

    @Operation(summary = "The latest windows of one department of a store, newest first")
    @ApiResponse(responseCode = "404", description = "No retained window of this store and department")
    @GetMapping("/{storeId}/departments/{department}")
    DepartmentTrends department(@PathVariable String storeId, @PathVariable String department,
                                @RequestParam(defaultValue = DEFAULT_WINDOW) String window,
                                @Parameter(description = "how many windows, 1 to 1440")
                                @RequestParam(defaultValue = "60") int limit,
                                @RequestHeader(name = InteractiveQueries.FORWARDED_HEADER, defaultValue = "false")
                                boolean forwarded,
                                HttpServletRequest request) {
        String store = Ids.require("storeId", storeId);
        String dept = Ids.require("department", department);
        TrendWindow view = QueryParameters.window(properties.trends(), window);
        int count = QueryParameters.limit(limit);
        return queries.query(new KeyQuery<>(TrendStores.PANES, store, Serdes.String().serializer(),
                access -> trendQueries.latestWindows(TrendQueries.panes(access), store, dept, view, count),
                pathOf(request), DepartmentTrends.class, TrendQueries.notFound(store + "/" + dept, view)), forwarded);
    }

    /** The request as the owner must see it when forwarded. */
    static String pathOf(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }
}
