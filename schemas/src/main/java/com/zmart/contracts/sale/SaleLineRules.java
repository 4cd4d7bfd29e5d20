package com.zmart.contracts.sale;

import java.util.ArrayList;
import java.util.List;

import com.zmart.contracts.deadletter.InvalidRecordException;
import com.zmart.events.Sale;

/**
 * What a sale line must satisfy to be counted by any service; the Avro contract alone cannot say it. The
 * point-of-sale schema ({@code sale_lines}) enforces the same rules, so a line breaking one is a register or connector
 * bug: consumers set it aside on their dead-letter topic.
 *
 * <p>A line is a purchase: its quantity is at least 1. Returns are not sale lines (the registers record none; a
 * return, when it comes, is its own contract), so a negative quantity is invalid everywhere, as is a quantity above
 * {@link #MAX_QUANTITY} (a typo or a unit mix-up). Problems name the field, never its value: values may be personal.
 */
public final class SaleLineRules {

    /** Most units of one item in one sale line. */
    public static final int MAX_QUANTITY = 1_000_000;

    private SaleLineRules() {
    }

    /** The broken rules of {@code sale}, in field order; empty when it is valid. */
    public static List<String> problems(Sale sale) {
        List<String> problems = new ArrayList<>();
        notBlank(problems, "transactionId", sale.getTransactionId());
        if (sale.getLineNumber() < 1) {
            problems.add("lineNumber must be at least 1");
        }
        notBlank(problems, "storeId", sale.getStoreId());
        notBlank(problems, "customerId", sale.getCustomerId());
        notBlank(problems, "sku", sale.getSku());
        notBlank(problems, "department", sale.getDepartment());
        if (sale.getQuantity() < 1 || sale.getQuantity() > MAX_QUANTITY) {
            problems.add("quantity must be between 1 and " + MAX_QUANTITY);
        }
        if (sale.getUnitPrice() == null || sale.getUnitPrice().signum() < 0) {
            problems.add("unitPrice must not be negative");
        }
        if (sale.getDiscount() == null || sale.getDiscount().signum() < 0) {
            problems.add("discount must not be negative");
        }
        if (problems.isEmpty() && !netFitsCents(sale)) {
            // Reachable only by a producer that ignores the decimal's precision: the aggregates keep cents in a long.
            problems.add("net amount must fit the aggregates");
        }
        return problems;
    }

    /** Throws {@link InvalidRecordException} naming every broken rule. */
    public static void requireValid(Sale sale) {
        List<String> problems = problems(sale);
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("sale line", problems);
        }
    }

    private static boolean netFitsCents(Sale sale) {
        try {
            SaleLineAmounts.netCents(sale);
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static void notBlank(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " must not be blank");
        }
    }
}
