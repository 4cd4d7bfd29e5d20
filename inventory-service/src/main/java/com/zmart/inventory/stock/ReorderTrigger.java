package com.zmart.inventory.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.ReorderRequest;
import com.zmart.inventory.outbox.OutboxWriter;
import com.zmart.inventory.reorder.OpenReorder;
import com.zmart.inventory.reorder.ReorderRepository;
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
     * Opens a reorder for each change whose reorder check is below the item's reorder point, unless the item has an
     * open one; returns the ids of the reorders opened. A reorder's level and {@code requestedAt} are the check's
     * level and time (a sale's purchase time: when the stock crossed the point).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> afterChanges(List<StockChange> changes) {
        List<OpenReorder> candidates = new ArrayList<>();
        for (StockChange change : changes) {
            StockLevel check = change.reorderCheck();
            if (check.belowReorderPoint()) {
                candidates.add(new OpenReorder(UUID.randomUUID(), check.storeId(), check.sku(), check.onHand(),
                        check.reorderQuantity(), change.checkTime()));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<UUID> inserted = reorders.openWhereNoneOpen(candidates);
        List<UUID> ids = new ArrayList<>();
        for (OpenReorder reorder : candidates) {
            if (inserted.contains(reorder.reorderId())) {
                outbox.append(Topics.REORDERS, StockLevel.key(reorder.storeId(), reorder.sku()),
                        ReorderRequest.newBuilder()
                                .setReorderId(reorder.reorderId().toString())
                                .setStoreId(reorder.storeId())
                                .setSku(reorder.sku())
                                .setCurrentLevel(reorder.levelAtRequest())
                                .setQuantityToOrder(reorder.quantity())
                                .setRequestedAt(reorder.requestedAt())
                                .build());
                ids.add(reorder.reorderId());
            }
        }
        opened.increment(ids.size());
        return ids;
    }
}
