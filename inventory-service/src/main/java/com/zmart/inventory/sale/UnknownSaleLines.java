package com.zmart.inventory.sale;

import java.util.List;

import com.zmart.events.Sale;
import com.zmart.inventory.support.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code unknown_sale_lines} table: sales of items without stock, kept for follow-up. */
@Repository
public class UnknownSaleLines {

    private final JdbcClient jdbc;

    UnknownSaleLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(List<Sale> lines) {
        jdbc.sql("INSERT INTO unknown_sale_lines (transaction_id, line_number, store_id, sku, quantity, purchased_at)"
                        + " SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::timestamptz[])"
                        + " ON CONFLICT DO NOTHING")
                .params(lines.stream().map(Sale::getTransactionId).toArray(String[]::new),
                        lines.stream().map(Sale::getLineNumber).toArray(Integer[]::new),
                        lines.stream().map(Sale::getStoreId).toArray(String[]::new),
                        lines.stream().map(Sale::getSku).toArray(String[]::new),
                        lines.stream().map(Sale::getQuantity).toArray(Integer[]::new),
                        DbTime.arrayOf(lines.stream().map(Sale::getPurchasedAt)))
                .update();
    }

    /** Unknown items, most recently sold first. */
    public List<UnknownItemReport> report(int limit) {
        return jdbc.sql("SELECT store_id, sku, count(*) AS lines, sum(quantity) AS units, max(purchased_at) AS last"
                        + " FROM unknown_sale_lines GROUP BY store_id, sku ORDER BY last DESC, store_id, sku LIMIT ?")
                .param(limit)
                .query((rs, row) -> new UnknownItemReport(rs.getString("store_id"), rs.getString("sku"),
                        rs.getLong("lines"), rs.getLong("units"), DbTime.read(rs, "last")))
                .list();
    }
}
