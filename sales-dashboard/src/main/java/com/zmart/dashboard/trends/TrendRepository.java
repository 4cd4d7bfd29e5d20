package com.zmart.dashboard.trends;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code sales_trends}, the table the JDBC sink upserts {@code zmart.sales-trends} into. */
@Repository
public class TrendRepository {

    private final JdbcClient jdbc;

    public TrendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Units and revenue per group and window, summed over what the grouping leaves out. */
    public List<TrendRow> find(TrendQuery query) {
        String store = query.grouping().byStore() ? "store_id" : "NULL::text";
        String department = query.grouping().byDepartment() ? "department" : "NULL::text";
        // Only the two column expressions above are put into the text, and they are constants.
        String sql = "SELECT " + store + " AS store_id, " + department + " AS department, window_start,"
                + " sum(units) AS units, sum(revenue) AS revenue"
                + " FROM sales_trends"
                + " WHERE window_kind = :kind AND window_start >= :from AND window_start < :until"
                + " AND (CAST(:store AS text) IS NULL OR store_id = :store)"
                + " AND (CAST(:department AS text) IS NULL OR department = :department)"
                + " GROUP BY 1, 2, window_start ORDER BY window_start, 1, 2";
        return jdbc.sql(sql)
                .param("kind", query.windowKind())
                .param("from", Timestamp.from(query.from()))
                .param("until", Timestamp.from(query.until()))
                .param("store", query.storeId().orElse(null))
                .param("department", query.department().orElse(null))
                .query((rs, n) -> new TrendRow(rs.getString("store_id"), rs.getString("department"),
                        rs.getTimestamp("window_start").toInstant(), rs.getLong("units"), rs.getBigDecimal("revenue")))
                .list();
    }

    /** What the page's selectors offer: the window kinds, stores and departments present in the table. */
    public TrendDimensions dimensions() {
        return new TrendDimensions(
                jdbc.sql("SELECT DISTINCT window_kind FROM sales_trends ORDER BY 1").query(String.class).list(),
                jdbc.sql("SELECT DISTINCT store_id FROM sales_trends ORDER BY 1").query(String.class).list(),
                jdbc.sql("SELECT DISTINCT department FROM sales_trends ORDER BY 1").query(String.class).list());
    }

    public record TrendDimensions(List<String> windowKinds, List<String> stores, List<String> departments) {
    }
}
