package com.zmart.inventory.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.zmart.inventory.support.DbTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code stock} table. Changes are single atomic {@code UPDATE ... SET on_hand = on_hand ± n} statements: the row
 * lock serializes concurrent changes of one item, so consumers of different partitions never lose an update.
 */
@Repository
public class StockRepository {

    private static final String COLUMNS = "store_id, sku, on_hand, reorder_point, reorder_quantity, updated_at";
    private static final String QUALIFIED_COLUMNS = "stock.store_id, stock.sku, stock.on_hand, stock.reorder_point,"
            + " stock.reorder_quantity, stock.updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public StockRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<StockLevel> find(String storeId, String sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stock WHERE store_id = ? AND sku = ?")
                .params(storeId, sku).query(StockRepository::map).optional();
    }

    /** Items below their reorder point, optionally of one store, lowest stock relative to the point first. */
    public List<StockLevel> belowReorderPoint(Optional<String> storeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stock WHERE on_hand < reorder_point"
                        + " AND (CAST(:store AS text) IS NULL OR store_id = :store)"
                        + " ORDER BY on_hand - reorder_point, store_id, sku LIMIT :limit")
                .param("store", storeId.orElse(null)).param("limit", limit)
                .query(StockRepository::map).list();
    }

    /** Adds {@code delta} (negative for a sale) and returns the new level; empty when the item is unknown. */
    public Optional<StockLevel> adjust(String storeId, String sku, int delta, Instant at) {
        return jdbc.sql("UPDATE stock SET on_hand = on_hand + ?, updated_at = ? WHERE store_id = ? AND sku = ?"
                        + " RETURNING " + COLUMNS)
                .params(delta, DbTime.of(at), storeId, sku).query(StockRepository::map).optional();
    }

    /**
     * Adds each item's delta in one statement; returns the new levels of the items that exist. The rows are locked
     * in (store, sku) order first, so two transactions changing overlapping items wait for each other instead of
     * deadlocking.
     */
    public Map<Item, StockLevel> adjust(Map<Item, Integer> deltas, Instant at) {
        if (deltas.isEmpty()) {
            return Map.of();
        }
        String[] stores = deltas.keySet().stream().map(Item::storeId).toArray(String[]::new);
        String[] skus = deltas.keySet().stream().map(Item::sku).toArray(String[]::new);
        jdbc.sql("SELECT 1 FROM stock WHERE (store_id, sku) IN (SELECT * FROM unnest(?::text[], ?::text[]))"
                        + " ORDER BY store_id, sku FOR UPDATE")
                .params(stores, skus).query(Integer.class).list();
        Map<Item, StockLevel> levels = new HashMap<>();
        jdbc.sql("UPDATE stock SET on_hand = on_hand + d.delta, updated_at = ?"
                        + " FROM unnest(?::text[], ?::text[], ?::int[]) AS d (store_id, sku, delta)"
                        + " WHERE stock.store_id = d.store_id AND stock.sku = d.sku RETURNING " + QUALIFIED_COLUMNS)
                .params(DbTime.of(at), stores, skus, deltas.values().toArray(Integer[]::new))
                .query(StockRepository::map)
                .list().forEach(level -> levels.put(new Item(level.storeId(), level.sku()), level));
        return levels;
    }

    public Optional<StockLevel> changePolicy(String storeId, String sku, int reorderPoint, int reorderQuantity,
                                             Instant at) {
        return jdbc.sql("UPDATE stock SET reorder_point = ?, reorder_quantity = ?, updated_at = ?"
                        + " WHERE store_id = ? AND sku = ? RETURNING " + COLUMNS)
                .params(reorderPoint, reorderQuantity, DbTime.of(at), storeId, sku)
                .query(StockRepository::map).optional();
    }

    /** Creates the items that do not exist yet, leaving existing ones alone; returns how many were created. */
    public int createMissing(List<StockLevel> levels) {
        int[][] counts = batch.batchUpdate("INSERT INTO stock (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", levels, 1_000, (statement, level) -> {
                    statement.setString(1, level.storeId());
                    statement.setString(2, level.sku());
                    statement.setInt(3, level.onHand());
                    statement.setInt(4, level.reorderPoint());
                    statement.setInt(5, level.reorderQuantity());
                    statement.setObject(6, DbTime.of(level.updatedAt()));
                });
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).map(c -> Math.max(c, 0)).sum();
    }

    private static StockLevel map(ResultSet rs, int row) throws SQLException {
        return new StockLevel(rs.getString("store_id"), rs.getString("sku"), rs.getInt("on_hand"),
                rs.getInt("reorder_point"), rs.getInt("reorder_quantity"), DbTime.read(rs, "updated_at"));
    }
}
