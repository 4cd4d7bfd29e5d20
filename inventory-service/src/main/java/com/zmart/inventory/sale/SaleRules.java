package com.zmart.inventory.sale;

import java.util.List;

import com.zmart.events.Sale;
import com.zmart.inventory.messaging.Rules;

/** What a sale line must satisfy to be applied; the Avro contract alone cannot say it. */
public final class SaleRules {

    private SaleRules() {
    }

    public static List<String> problems(Sale sale) {
        return new Rules()
                .notBlank("transactionId", sale.getTransactionId())
                .require(sale.getLineNumber() >= 1, "lineNumber must be at least 1")
                .notBlank("storeId", sale.getStoreId())
                .notBlank("sku", sale.getSku())
                .units("quantity", sale.getQuantity())
                .problems();
    }
}
