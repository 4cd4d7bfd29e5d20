package com.zmart.trends.trends;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zmart.events.Sale;
import com.zmart.trends.state.ItemTotals;
import com.zmart.trends.state.SalesTrendAggregate;
import com.zmart.trends.topology.SaleLines;
import org.apache.kafka.streams.kstream.Aggregator;

/** Adds one (deduplicated) sale line to the running totals of its store, department and window. */
public final class SalesTrendAggregator implements Aggregator<String, Sale, SalesTrendAggregate> {

    /** The empty totals a window starts from; the first line fills in the store and department. */
    public static SalesTrendAggregate empty() {
        return SalesTrendAggregate.newBuilder().build();
    }

    @Override
    public SalesTrendAggregate apply(String groupKey, Sale sale, SalesTrendAggregate totals) {
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
                .setTransactionIds(withSorted(totals.getTransactionIds(), sale.getTransactionId()))
                .setCustomerIds(withSorted(totals.getCustomerIds(), sale.getCustomerId()))
                .setItems(items)
                .build();
    }

    /** The sorted distinct {@code values} with {@code value}: a binary search keeps large windows cheap. */
    static List<String> withSorted(List<String> values, String value) {
        int position = Collections.binarySearch(values, value);
        if (position >= 0) {
            return values;
        }
        List<String> result = new ArrayList<>(values.size() + 1);
        result.addAll(values);
        result.add(-position - 1, value);
        return result;
    }
}
