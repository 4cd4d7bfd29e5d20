package com.zmart.trends.trends;

import java.util.ArrayList;
import java.util.HashMap;

import com.zmart.events.Sale;
import com.zmart.trends.state.ItemTotals;
import com.zmart.trends.state.LateTotals;
import com.zmart.trends.state.PaneTotals;
import com.zmart.trends.state.TrendPane;
import com.zmart.contracts.sale.SaleLineAmounts;

/** Adds a (deduplicated) sale line to its pane: the only state a line changes, whatever the views (ADR 0009). */
final class TrendPanes {

    private TrendPanes() {
    }

    /**
     * Adds {@code sale} to {@code pane} (null: a new pane), to the on-time totals when {@code countsFrom} is the
     * pane's own end, otherwise to the late totals of the windows ending at or after {@code countsFrom}.
     */
    static TrendPane add(TrendPane pane, Sale sale, long paneEnd, long countsFrom) {
        TrendPane updated = pane != null ? pane : TrendPane.newBuilder()
                .setStoreId(sale.getStoreId()).setStoreZipCode(sale.getStoreZipCode())
                .setDepartment(sale.getDepartment()).setOnTime(emptyTotals()).setLate(new ArrayList<>()).build();
        updated.setStoreZipCode(sale.getStoreZipCode());
        add(countsFrom <= paneEnd ? updated.getOnTime() : lateTotals(updated, countsFrom), sale);
        return updated;
    }

    private static PaneTotals lateTotals(TrendPane pane, long countsFrom) {
        for (LateTotals late : pane.getLate()) {
            if (late.getCountsFrom() == countsFrom) {
                return late.getTotals();
            }
        }
        LateTotals late = new LateTotals(countsFrom, emptyTotals());
        pane.getLate().add(late);
        return late.getTotals();
    }

    private static PaneTotals emptyTotals() {
        return new PaneTotals(0L, 0L, 0L, MemberFingerprints.NONE, MemberFingerprints.NONE, new HashMap<>());
    }

    private static void add(PaneTotals totals, Sale sale) {
        long revenue = SaleLineAmounts.netCents(sale);
        totals.setLines(totals.getLines() + 1);
        totals.setUnits(totals.getUnits() + sale.getQuantity());
        totals.setRevenueCents(totals.getRevenueCents() + revenue);
        totals.setTransactions(MemberFingerprints.with(totals.getTransactions(),
                MemberFingerprints.of(sale.getTransactionId())));
        totals.setCustomers(MemberFingerprints.with(totals.getCustomers(),
                MemberFingerprints.of(sale.getCustomerId())));
        ItemTotals item = totals.getItems().get(sale.getSku());
        if (item == null) {
            totals.getItems().put(sale.getSku(),
                    new ItemTotals(sale.getProductName(), (long) sale.getQuantity(), revenue));
        } else {
            item.setProductName(sale.getProductName());
            item.setUnits(item.getUnits() + sale.getQuantity());
            item.setRevenueCents(item.getRevenueCents() + revenue);
        }
    }
}
