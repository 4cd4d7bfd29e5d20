package com.zmart.trends.api;

import java.util.List;

import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.web.problems.InvalidRequestException;

/**
 * Checks of the REST parameters other than ids (those are web-problems' {@code Ids}, whose pattern keeps the trend
 * keys' separator out). A failure is web-problems' 400 whose {@code errors} name the parameter.
 */
final class QueryParameters {

    static final int MAX_LIMIT = 1440;

    private QueryParameters() {
    }

    static TrendWindow window(TrendsProperties trends, String kind) {
        return trends.window(kind).orElseThrow(() -> new InvalidRequestException("window",
                "must be one of " + kinds(trends.windows())));
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static List<String> kinds(List<TrendWindow> windows) {
        return windows.stream().map(TrendWindow::kind).toList();
    }
}
