package com.zmart.inventory.restock;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.zmart.inventory.reorder.ReorderRepository;
import com.zmart.inventory.stock.ItemNotFoundException;
import com.zmart.inventory.stock.StockChanges;
import com.zmart.inventory.stock.StockLevel;
import com.zmart.inventory.stock.StockRepository;
import com.zmart.inventory.support.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a delivery in one transaction: records its id (a repeated restock changes nothing), raises the stock,
 * closes the open reorder, and, if the stock is still below its reorder point, requests the next one.
 */
@Service
public class RestockService {

    private final JdbcClient jdbc;
    private final StockRepository stock;
    private final ReorderRepository reorders;
    private final StockChanges changes;
    private final Clock clock;

    RestockService(JdbcClient jdbc, StockRepository stock, ReorderRepository reorders, StockChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.reorders = reorders;
        this.changes = changes;
        this.clock = clock;
    }

    /** @throws ItemNotFoundException when no stock is kept for the item (nothing is recorded then) */
    @Transactional
    public RestockResult apply(RestockCommand restock) {
        Instant now = clock.instant();
        boolean firstTime = jdbc.sql("INSERT INTO processed_restocks (restock_id, store_id, sku, quantity, reorder_id,"
                        + " received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(restock.restockId(), restock.storeId(), restock.sku(), restock.quantity(),
                        restock.reorderId().map(UUID::toString).orElse(null), DbTime.of(restock.receivedAt()))
                .update() == 1;
        if (!firstTime) {
            StockLevel current = stock.find(restock.storeId(), restock.sku())
                    .orElseThrow(() -> new ItemNotFoundException(restock.storeId(), restock.sku()));
            return new RestockResult(restock.restockId(), false, current, null, null);
        }
        StockLevel level = stock.adjust(restock.storeId(), restock.sku(), restock.quantity(), now)
                .orElseThrow(() -> new ItemNotFoundException(restock.storeId(), restock.sku()));
        Optional<UUID> closed = reorders.closeOpen(restock.storeId(), restock.sku(), restock.reorderId(),
                restock.restockId(), now);
        Optional<UUID> opened = changes.changed(level, now);
        return new RestockResult(restock.restockId(), true, level, closed.orElse(null), opened.orElse(null));
    }
}
