package com.zmart.inventory.sale;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.zmart.contracts.sale.SaleLineId;
import com.zmart.events.Sale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code processed_sale_lines} table: the id ({@link SaleLineId}) of every sale line applied. */
@Repository
class ProcessedSaleLines {

    private final JdbcClient jdbc;

    ProcessedSaleLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the ids of {@code lines} in one statement; returns the lines whose id was new, in their order (a line
     * repeated within {@code lines} counts once, at its first place).
     */
    List<Sale> markFirstSeen(List<Sale> lines) {
        Set<SaleLineId> inserted = new HashSet<>(jdbc.sql("INSERT INTO processed_sale_lines (transaction_id, line_number)"
                        + " SELECT * FROM unnest(?::text[], ?::int[]) ON CONFLICT DO NOTHING"
                        + " RETURNING transaction_id, line_number")
                .params(lines.stream().map(Sale::getTransactionId).toArray(String[]::new),
                        lines.stream().map(Sale::getLineNumber).toArray(Integer[]::new))
                .query((rs, row) -> new SaleLineId(rs.getString(1), rs.getInt(2))).list());
        return lines.stream().filter(line -> inserted.remove(SaleLineId.of(line))).toList();
    }
}
