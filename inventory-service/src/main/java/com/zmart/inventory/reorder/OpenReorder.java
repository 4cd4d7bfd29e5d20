package com.zmart.inventory.reorder;

import java.time.Instant;
import java.util.UUID;

/** A reorder requested and not yet fulfilled. */
public record OpenReorder(UUID reorderId, String storeId, String sku, int levelAtRequest, int quantity,
                          Instant requestedAt) {
}
