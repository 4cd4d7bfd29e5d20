package com.zmart.trends.trends;

import java.util.HashMap;
import java.util.Map;

import com.zmart.events.Sale;
import com.zmart.trends.state.ItemTotals;
import com.zmart.trends.state.SalesTrendAggregate;
import com.zmart.trends.topology.SaleLines;

/**
 * Adds one (deduplicated) sale line to the running totals of its store, department and window. Whether the line
 * brings a new transaction or customer to the window is decided by the caller ({@link WindowMembers}), so the totals
 * stay a few counters and the items: their size no longer grows with the window's traffic.
 */
final class SalesTrendAggregator {

    private SalesTrendAggregator() {
    }

    /** The empty totals a window starts from; the first line fills in the store and department. */
    static SalesTrendAggregate empty() {
        return SalesTrendAggregate.newBuilder().build();
    }

    static SalesTrendAggregate add(SalesTrendAggregate totals, Sale sale, boolean newTransaction,
                                   boolean newCustomer) {
        long revenue = SaleLines.revenueCents(sale);
        Map<String, ItemTotals> items = new HashMap<>(totals.getItems());
        items.merge(sale.getSku(), new ItemTotals(sale.getProductName(), (long) sale.getQuantity(), revenue),
                (before, line) -> new ItemTotals(line.getProductName(), before.getUnits() + line.getUnits(),
                        before.getRevenueCents() + line.getRevenueCents()));
        return SalesTrendAggregate.newBuilder()
                .setStoreId(sale.getStoreId())
                .setStoreZipCode(sale.getStoreZipCode())
                .setDepartment(sale.getDepartment())
                .setUnits(totals.getUnits() + sale.getQuantity())
                .setRevenueCents(totals.getRevenueCents() + revenue)
                .setTransactions(totals.getTransactions() + (newTransaction ? 1 : 0))
                .setCustomers(totals.getCustomers() + (newCustomer ? 1 : 0))
                .setItems(items)
                .build();
    }
}
