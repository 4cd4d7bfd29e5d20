package com.zmart.inventory.reorder;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.zmart.inventory.support.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reorders} table; its partial unique index allows one open reorder per item. */
@Repository
public class ReorderRepository {

    private final JdbcClient jdbc;

    public ReorderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the reorder unless the item has an open one already; true when opened. */
    boolean openIfNoneOpen(OpenReorder reorder) {
        return jdbc.sql("INSERT INTO reorders (reorder_id, store_id, sku, level_at_request, quantity, requested_at, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'OPEN') ON CONFLICT (store_id, sku) WHERE status = 'OPEN' DO NOTHING")
                .params(reorder.reorderId(), reorder.storeId(), reorder.sku(), reorder.levelAtRequest(),
                        reorder.quantity(), DbTime.of(reorder.requestedAt()))
                .update() == 1;
    }

    public Optional<OpenReorder> findOpen(String storeId, String sku) {
        return jdbc.sql("SELECT reorder_id, store_id, sku, level_at_request, quantity, requested_at FROM reorders"
                        + " WHERE store_id = ? AND sku = ? AND status = 'OPEN'")
                .params(storeId, sku)
                .query((rs, row) -> new OpenReorder(rs.getObject("reorder_id", UUID.class), rs.getString("store_id"),
                        rs.getString("sku"), rs.getInt("level_at_request"), rs.getInt("quantity"),
                        DbTime.read(rs, "requested_at")))
                .optional();
    }

    /**
     * Closes the item's open reorder as fulfilled by a restock: the one the restock names, or, when it names none,
     * whichever is open. Returns the closed reorder's id.
     */
    public Optional<UUID> closeOpen(String storeId, String sku, Optional<UUID> named, String restockId, Instant at) {
        return jdbc.sql("UPDATE reorders SET status = 'FULFILLED', closed_at = ?, restock_id = ?"
                        + " WHERE store_id = ? AND sku = ? AND status = 'OPEN'"
                        + " AND (CAST(? AS uuid) IS NULL OR reorder_id = CAST(? AS uuid)) RETURNING reorder_id")
                .params(DbTime.of(at), restockId, storeId, sku, named.orElse(null), named.orElse(null))
                .query(UUID.class).optional();
    }
}
