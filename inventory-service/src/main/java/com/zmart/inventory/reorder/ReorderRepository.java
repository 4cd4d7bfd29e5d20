package com.zmart.inventory.reorder;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** Opens each reorder unless its item has an open one already; returns the ids of those opened. */
    public Set<UUID> openWhereNoneOpen(List<OpenReorder> reorders) {
        return new HashSet<>(jdbc.sql("INSERT INTO reorders (reorder_id, store_id, sku, level_at_request, quantity,"
                        + " requested_at, status) SELECT *, 'OPEN' FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[],"
                        + " ?::int[], ?::timestamptz[]) ON CONFLICT (store_id, sku) WHERE status = 'OPEN' DO NOTHING"
                        + " RETURNING reorder_id")
                .params(reorders.stream().map(OpenReorder::reorderId).toArray(UUID[]::new),
                        reorders.stream().map(OpenReorder::storeId).toArray(String[]::new),
                        reorders.stream().map(OpenReorder::sku).toArray(String[]::new),
                        reorders.stream().map(OpenReorder::levelAtRequest).toArray(Integer[]::new),
                        reorders.stream().map(OpenReorder::quantity).toArray(Integer[]::new),
                        DbTime.arrayOf(reorders.stream().map(OpenReorder::requestedAt)))
                .query(UUID.class).list());
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
