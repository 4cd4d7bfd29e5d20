package com.zmart.inventory.stock;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes an item's reorder point and quantity; a point raised above the stock requests a reorder at once. */
@Service
public class ReorderPolicyService {

    private final StockRepository stock;
    private final StockChanges changes;
    private final Clock clock;

    ReorderPolicyService(StockRepository stock, StockChanges changes, Clock clock) {
        this.stock = stock;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public StockLevel change(String storeId, String sku, int reorderPoint, int reorderQuantity) {
        Instant now = clock.instant();
        StockLevel level = stock.changePolicy(storeId, sku, reorderPoint, reorderQuantity, now)
                .orElseThrow(() -> new ItemNotFoundException(storeId, sku));
        changes.changed(level, now);
        return level;
    }
}
