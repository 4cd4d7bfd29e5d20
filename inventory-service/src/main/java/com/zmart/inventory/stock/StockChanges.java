package com.zmart.inventory.stock;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.InventoryLevel;
import com.zmart.inventory.config.InventoryProperties;
import com.zmart.inventory.outbox.OutboxWriter;
import com.zmart.inventory.reorder.ReorderTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What follows every change of an item's stock or policy, in the same transaction: the level event and the reorder rule. */
@Component
public class StockChanges {

    private final ReorderTrigger reorders;
    private final OutboxWriter outbox;
    private final boolean publishLevels;

    StockChanges(ReorderTrigger reorders, OutboxWriter outbox, InventoryProperties properties) {
        this.reorders = reorders;
        this.outbox = outbox;
        this.publishLevels = properties.publishLevels();
    }

    /** Returns the id of the reorder the change opened, if any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> changed(StockLevel level, Instant eventTime) {
        return changed(level, level, eventTime);
    }

    /**
     * A change made of several steps (the sale lines of a batch): publishes the final {@code level}; the reorder rule
     * judges {@code reorderCheck}, the level at the step that matters for it, which happened at {@code checkTime}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> changed(StockLevel level, StockLevel reorderCheck, Instant checkTime) {
        if (publishLevels) {
            outbox.append(Topics.INVENTORY_LEVELS, level.key(), InventoryLevel.newBuilder()
                    .setStoreId(level.storeId())
                    .setSku(level.sku())
                    .setOnHand(level.onHand())
                    .setReorderPoint(level.reorderPoint())
                    .setReorderQuantity(level.reorderQuantity())
                    .setUpdatedAt(level.updatedAt())
                    .build());
        }
        return reorders.afterChange(reorderCheck, checkTime);
    }
}
