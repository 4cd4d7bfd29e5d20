package com.zmart.demo;

import java.util.Map;

/**
 * The stock the inventory service seeds for every item of the simulators' catalog (its {@code SEED_*} settings).
 * Items that exist keep their stock: a data directory from an earlier run keeps its levels.
 *
 * @param onHand          units on hand at the start
 * @param reorderPoint    a sale that takes the stock below this raises a reorder
 * @param reorderQuantity units each reorder asks for
 */
public record DemoStock(int onHand, int reorderPoint, int reorderQuantity) {

    /**
     * Four units above the reorder point: at 2 receipts a second over 10 stores and 200 products (1-4 lines of 1-3
     * units), the first reorder comes within about half a minute of the first sales and about one every two seconds
     * follow, so reorders and restocks show within the demo's first minutes. With the service's own seed (100 on hand,
     * reorder point 20) no item crossed its reorder point in 20 minutes.
     */
    public static final DemoStock STORY = new DemoStock(14, 10, 40);

    /** The inventory service's environment for this seed. */
    public Map<String, String> environment() {
        return Map.of("SEED_ON_HAND", Integer.toString(onHand), "SEED_REORDER_POINT", Integer.toString(reorderPoint),
                "SEED_REORDER_QUANTITY", Integer.toString(reorderQuantity));
    }
}
