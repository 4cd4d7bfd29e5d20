package com.zmart.dashboard.topitems;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zmart.dashboard.trends.TrendQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code top_items} of {@code sales_trends} (each window's best sellers per department, as JSON, ADR 0008)
 * and sums them per store and product over the windows of the range.
 */
@Repository
public class TopItemsRepository {

    private final JdbcClient jdbc;

    public TopItemsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The {@code limit} best sellers of each store, stores in order of their id. */
    public List<StoreTopItems> find(TrendQuery query, int limit) {
        Map<String, List<ItemSales>> stores = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH items AS (
                            SELECT t.store_id, i.sku, max(i."productName") AS product_name,
                                   sum(i.units) AS units, sum(i.revenue) AS revenue
                            FROM sales_trends t
                            CROSS JOIN LATERAL jsonb_to_recordset(t.top_items)
                                AS i(sku text, "productName" text, units bigint, revenue numeric(16,2))
                            WHERE t.window_kind = :kind AND t.window_start >= :from AND t.window_start < :until
                              AND (CAST(:store AS text) IS NULL OR t.store_id = :store)
                              AND (CAST(:department AS text) IS NULL OR t.department = :department)
                            GROUP BY t.store_id, i.sku),
                        ranked AS (
                            SELECT *, row_number() OVER (PARTITION BY store_id ORDER BY units DESC, revenue DESC, sku) AS rank
                            FROM items)
                        SELECT store_id, sku, product_name, units, revenue FROM ranked
                        WHERE rank <= :limit ORDER BY store_id, rank""")
                .param("kind", query.windowKind())
                .param("from", Timestamp.from(query.from()))
                .param("until", Timestamp.from(query.until()))
                .param("store", query.storeId().orElse(null))
                .param("department", query.department().orElse(null))
                .param("limit", limit)
                .query(rs -> {
                    stores.computeIfAbsent(rs.getString("store_id"), k -> new ArrayList<>()).add(new ItemSales(
                            rs.getString("sku"), rs.getString("product_name"), rs.getLong("units"),
                            rs.getBigDecimal("revenue")));
                });
        return stores.entrySet().stream().map(e -> new StoreTopItems(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
