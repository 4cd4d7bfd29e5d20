package com.zmart.inventory.restock;

import java.util.ArrayList;
import java.util.List;

import com.zmart.inventory.stock.StockLimits;

/** Collects a restock's broken rules by field name (values are never quoted: they may be personal). */
final class Rules {

    private final List<String> problems = new ArrayList<>();

    Rules notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " must not be blank");
        }
        return this;
    }

    Rules units(String field, int value) {
        if (value < 1 || value > StockLimits.MAX_UNITS) {
            problems.add(field + " must be between 1 and " + StockLimits.MAX_UNITS);
        }
        return this;
    }

    Rules require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
        return this;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
