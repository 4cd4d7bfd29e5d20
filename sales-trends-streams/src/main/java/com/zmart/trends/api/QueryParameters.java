package com.zmart.trends.api;

import java.util.List;
import java.util.regex.Pattern;

import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Checks of the REST parameters. A failure is a 400 problem+json whose detail and {@code parameter} property name the
 * parameter (Spring MVC renders an {@link ErrorResponseException} so, see {@code spring.mvc.problemdetails}).
 */
final class QueryParameters {

    static final int MAX_LIMIT = 1440;
    /** Ids of stores, departments and campaigns: no separators of the trend keys, nothing to escape in a URL. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private QueryParameters() {
    }

    static String id(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw badRequest(name, name + " must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    static TrendWindow window(TrendsProperties trends, String kind) {
        return trends.window(kind).orElseThrow(() -> badRequest("window",
                "window must be one of " + kinds(trends.windows())));
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static ErrorResponseException badRequest(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", parameter);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static List<String> kinds(List<TrendWindow> windows) {
        return windows.stream().map(TrendWindow::kind).toList();
    }
}
