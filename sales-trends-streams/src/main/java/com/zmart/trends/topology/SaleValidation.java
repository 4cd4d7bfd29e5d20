package com.zmart.trends.topology;

import com.zmart.events.Sale;

/**
 * What a sale line must satisfy to be counted. The contract allows more (a zero quantity, a negative price); such a
 * line is a register or connector bug, so it is set aside on the dead-letter topic (processing handler) instead of
 * skewing the trends. Negative quantities stay valid: corrections are new lines (ADR 0005).
 */
public final class SaleValidation {

    private SaleValidation() {
    }

    /** Throws {@link InvalidSaleException} naming the first broken rule. */
    public static void requireValid(Sale sale) {
        require(!sale.getStoreId().isBlank(), "storeId is blank");
        require(!sale.getDepartment().isBlank(), "department is blank");
        require(!sale.getCustomerId().isBlank(), "customerId is blank");
        require(sale.getQuantity() != 0, "quantity is 0");
        require(sale.getUnitPrice().signum() >= 0, "unitPrice is negative");
        require(sale.getDiscount().signum() >= 0, "discount is negative");
        try {
            SaleLines.revenueCents(sale);
        } catch (ArithmeticException e) {
            throw new InvalidSaleException("revenue does not fit the aggregates");
        }
    }

    private static void require(boolean rule, String broken) {
        if (!rule) {
            throw new InvalidSaleException(broken);
        }
    }

    /** A sale line the contract allows but the trends cannot count. The message names no value of the record. */
    public static final class InvalidSaleException extends RuntimeException {

        InvalidSaleException(String broken) {
            super("Invalid sale line: " + broken);
        }
    }
}
