package com.zmart.inventory.stock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.InventoryLevel;
import com.zmart.inventory.config.InventoryProperties;
import com.zmart.inventory.outbox.OutboxWriter;
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
        return changed(List.of(StockChange.of(level, eventTime))).stream().findFirst();
    }

    /** Changes of several items in one transaction (a poll of sale lines); returns the ids of the reorders opened. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> changed(List<StockChange> changes) {
        if (publishLevels) {
            for (StockChange change : changes) {
                StockLevel level = change.level();
                outbox.append(Topics.INVENTORY_LEVELS, level.key(), InventoryLevel.newBuilder()
                        .setStoreId(level.storeId())
                        .setSku(level.sku())
                        .setOnHand(level.onHand())
                        .setReorderPoint(level.reorderPoint())
                        .setReorderQuantity(level.reorderQuantity())
                        .setUpdatedAt(level.updatedAt())
                        .build());
            }
        }
        return reorders.afterChanges(changes);
    }
}
