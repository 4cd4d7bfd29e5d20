package com.zmart.inventory.reorder;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.ReorderRequest;
import com.zmart.inventory.outbox.OutboxWriter;
import com.zmart.inventory.stock.StockLevel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests a reorder when a change leaves an item below its reorder point and no reorder of it is open. The
 * request is written to the outbox in the transaction of the change, so it is published exactly when the change
 * commits; the database's unique index on open reorders makes a second one impossible, even under concurrency.
 */
@Component
public class ReorderTrigger {

    private final ReorderRepository reorders;
    private final OutboxWriter outbox;
    private final Counter opened;

    ReorderTrigger(ReorderRepository reorders, OutboxWriter outbox, MeterRegistry meters) {
        this.reorders = reorders;
        this.outbox = outbox;
        this.opened = Counter.builder("zmart.inventory.reorders.opened").description("Reorders requested").register(meters);
    }

    /**
     * @param level       the item's level after the change
     * @param requestedAt when the change happened (a sale's purchase time: when the stock crossed the point)
     * @return the id of the reorder opened, if one was
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> afterChange(StockLevel level, Instant requestedAt) {
        if (!level.belowReorderPoint()) {
            return Optional.empty();
        }
        OpenReorder reorder = new OpenReorder(UUID.randomUUID(), level.storeId(), level.sku(), level.onHand(),
                level.reorderQuantity(), requestedAt);
        if (!reorders.openIfNoneOpen(reorder)) {
            return Optional.empty();
        }
        outbox.append(Topics.REORDERS, level.key(), ReorderRequest.newBuilder()
                .setReorderId(reorder.reorderId().toString())
                .setStoreId(reorder.storeId())
                .setSku(reorder.sku())
                .setCurrentLevel(reorder.levelAtRequest())
                .setQuantityToOrder(reorder.quantity())
                .setRequestedAt(reorder.requestedAt())
                .build());
        opened.increment();
        return Optional.of(reorder.reorderId());
    }
}
