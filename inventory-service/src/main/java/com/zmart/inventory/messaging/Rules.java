package com.zmart.inventory.messaging;

import java.util.ArrayList;
import java.util.List;

import com.zmart.inventory.stock.StockLimits;

/** Collects broken rules of a record by field name (values are never quoted: they may be personal). */
public final class Rules {

    private final List<String> problems = new ArrayList<>();

    public Rules notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " must not be blank");
        }
        return this;
    }

    public Rules units(String field, int value) {
        if (value < 1 || value > StockLimits.MAX_UNITS) {
            problems.add(field + " must be between 1 and " + StockLimits.MAX_UNITS);
        }
        return this;
    }

    public Rules require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
        return this;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
