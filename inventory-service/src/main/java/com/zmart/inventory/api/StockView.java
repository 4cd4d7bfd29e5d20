package com.zmart.inventory.api;

import java.time.Instant;
import java.util.UUID;

import com.zmart.inventory.reorder.OpenReorder;
import com.zmart.inventory.stock.StockLevel;

/** An item's stock as the API shows it. */
record StockView(String storeId, String sku, int onHand, int reorderPoint, int reorderQuantity,
                 boolean belowReorderPoint, Instant updatedAt, ReorderView openReorder) {

    /** The open reorder of the item: what was ordered, when, and at which level. */
    record ReorderView(UUID reorderId, int quantityToOrder, int levelAtRequest, Instant requestedAt) {
    }

    static StockView of(StockLevel level, OpenReorder reorder) {
        ReorderView open = reorder == null ? null
                : new ReorderView(reorder.reorderId(), reorder.quantity(), reorder.levelAtRequest(), reorder.requestedAt());
        return new StockView(level.storeId(), level.sku(), level.onHand(), level.reorderPoint(), level.reorderQuantity(),
                level.belowReorderPoint(), level.updatedAt(), open);
    }
}
