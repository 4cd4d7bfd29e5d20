package com.zmart.inventory.sale;

import java.time.Clock;
import java.util.Optional;

import com.zmart.events.Sale;
import com.zmart.inventory.stock.StockChanges;
import com.zmart.inventory.stock.StockLevel;
import com.zmart.inventory.stock.StockRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one sale line in one database transaction: records (transaction id, line number) as processed, decrements
 * the stock, and queues the level event and any reorder in the outbox. A redelivered line finds its key and changes
 * nothing; concurrent deliveries of one line wait on the key's unique index, and the second then finds it too.
 */
@Service
public class SaleLineService {

    private static final Logger log = LoggerFactory.getLogger(SaleLineService.class);

    private final JdbcClient jdbc;
    private final StockRepository stock;
    private final StockChanges changes;
    private final UnknownSaleLines unknown;
    private final Clock clock;

    SaleLineService(JdbcClient jdbc, StockRepository stock, StockChanges changes, UnknownSaleLines unknown, Clock clock) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.changes = changes;
        this.unknown = unknown;
        this.clock = clock;
    }

    @Transactional
    public SaleLineOutcome apply(Sale sale) {
        boolean firstTime = jdbc.sql("INSERT INTO processed_sale_lines (transaction_id, line_number) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(sale.getTransactionId(), sale.getLineNumber()).update() == 1;
        if (!firstTime) {
            return SaleLineOutcome.DUPLICATE;
        }
        Optional<StockLevel> level = stock.adjust(sale.getStoreId(), sale.getSku(), -sale.getQuantity(), clock.instant());
        if (level.isEmpty()) {
            unknown.record(sale);
            // Ids only: a sale's other fields (customer, card) have no place in logs.
            log.warn("Sale line {}#{} is for sku {} in store {}, which has no stock: recorded as unknown",
                    sale.getTransactionId(), sale.getLineNumber(), sale.getSku(), sale.getStoreId());
            return SaleLineOutcome.UNKNOWN_ITEM;
        }
        changes.changed(level.get(), sale.getPurchasedAt());
        return SaleLineOutcome.APPLIED;
    }
}
