package com.zmart.dashboard.trends;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.zmart.web.problems.InvalidRequestException;

/** What one line of the charts stands for: a store, a department, or one department of one store. */
public enum TrendGrouping {

    STORE("store", true, false),
    DEPARTMENT("department", false, true),
    STORE_DEPARTMENT("store-department", true, true);

    private final String parameter;
    private final boolean byStore;
    private final boolean byDepartment;

    TrendGrouping(String parameter, boolean byStore, boolean byDepartment) {
        this.parameter = parameter;
        this.byStore = byStore;
        this.byDepartment = byDepartment;
    }

    public String parameter() {
        return parameter;
    }

    public boolean byStore() {
        return byStore;
    }

    public boolean byDepartment() {
        return byDepartment;
    }

    /** The grouping a request names, or a 400 that lists the possible values. */
    public static TrendGrouping fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(value)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("groupBy", "must be one of "
                        + Arrays.stream(values()).map(TrendGrouping::parameter).collect(Collectors.joining(", "))));
    }
}
