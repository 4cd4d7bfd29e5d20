package com.zmart.inventory.restock;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.zmart.events.Restock;

/** Goods received for one item, from the REST API or {@code zmart.restocks}. */
public record RestockCommand(String restockId, String storeId, String sku, int quantity, Optional<UUID> reorderId,
                             Instant receivedAt) {

    /** The event, already checked by the restock deserializer (a reorder id, when present, is a UUID). */
    public static RestockCommand of(Restock restock) {
        return new RestockCommand(restock.getRestockId(), restock.getStoreId(), restock.getSku(), restock.getQuantity(),
                Optional.ofNullable(restock.getReorderId()).map(UUID::fromString), restock.getReceivedAt());
    }
}
