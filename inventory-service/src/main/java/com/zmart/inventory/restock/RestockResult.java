package com.zmart.inventory.restock;

import java.util.UUID;

import com.zmart.inventory.stock.StockLevel;

/**
 * @param applied         false when this restock id had been applied before (nothing changed this time)
 * @param level           the item's stock now
 * @param closedReorderId the reorder this restock closed, or null
 * @param openedReorderId a new reorder, when the stock is still below its reorder point, or null
 */
public record RestockResult(String restockId, boolean applied, StockLevel level, UUID closedReorderId,
                            UUID openedReorderId) {
}
