package com.zmart.inventory.sale;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zmart.contracts.sale.SaleLineId;
import com.zmart.events.Sale;
import com.zmart.inventory.stock.Item;
import com.zmart.inventory.stock.StockChange;
import com.zmart.inventory.stock.StockChanges;
import com.zmart.inventory.stock.StockLevel;
import com.zmart.inventory.stock.StockRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of sale lines in one database transaction: records each (transaction id, line number) as processed,
 * decrements the stock of each item once by what its new lines sold, and queues one level event per item and any
 * reorder in the outbox: a few statements and one commit per batch, whatever its size, since round trips and commits
 * are what a line costs the database.
 *
 * <p>Redelivered lines find their key and change nothing; concurrent deliveries of one line wait on the key's unique
 * index, and the second then finds it too. Items are locked in one order (StockRepository#adjust), so consumers of
 * different partitions selling the same items wait for each other rather than deadlock.
 */
@Service
public class SaleLineService {

    private static final Logger log = LoggerFactory.getLogger(SaleLineService.class);

    private final ProcessedSaleLines processed;
    private final StockRepository stock;
    private final StockChanges changes;
    private final UnknownSaleLines unknown;
    private final Clock clock;

    SaleLineService(ProcessedSaleLines processed, StockRepository stock, StockChanges changes, UnknownSaleLines unknown,
                    Clock clock) {
        this.processed = processed;
        this.stock = stock;
        this.changes = changes;
        this.unknown = unknown;
        this.clock = clock;
    }

    /** Applies {@code lines} (in their order on the topic); returns how many lines had each outcome. */
    @Transactional
    public Map<SaleLineOutcome, Integer> apply(List<Sale> lines) {
        List<Sale> firstSeen = processed.markFirstSeen(lines);
        Map<SaleLineOutcome, Integer> outcomes = new EnumMap<>(SaleLineOutcome.class);
        outcomes.put(SaleLineOutcome.DUPLICATE, lines.size() - firstSeen.size());

        Map<Item, List<Sale>> byItem = new LinkedHashMap<>();
        for (Sale line : firstSeen) {
            byItem.computeIfAbsent(new Item(line.getStoreId(), line.getSku()), item -> new ArrayList<>()).add(line);
        }
        Map<Item, Integer> deltas = new LinkedHashMap<>();
        byItem.forEach((item, itemLines) -> deltas.put(item, -itemLines.stream().mapToInt(Sale::getQuantity).sum()));
        Map<Item, StockLevel> levels = stock.adjust(deltas, clock.instant());

        List<Sale> unknownLines = new ArrayList<>();
        List<StockChange> changed = new ArrayList<>();
        byItem.forEach((item, itemLines) -> {
            StockLevel after = levels.get(item);
            if (after == null) {
                unknownLines.addAll(itemLines);
            } else {
                changed.add(change(after, deltas.get(item), itemLines));
            }
        });
        changes.changed(changed);
        if (!unknownLines.isEmpty()) {
            unknown.record(unknownLines);
            // Ids only: a sale's other fields (customer, card) have no place in logs.
            unknownLines.forEach(line -> log.warn("Sale line {} is for sku {} in store {}, which has no stock:"
                    + " recorded as unknown", SaleLineId.of(line), line.getSku(),
                    line.getStoreId()));
        }
        outcomes.put(SaleLineOutcome.UNKNOWN_ITEM, unknownLines.size());
        outcomes.put(SaleLineOutcome.APPLIED, firstSeen.size() - unknownLines.size());
        return outcomes;
    }

    /**
     * The item's change by its lines: its level after them, and for the reorder rule the level right after the first
     * line that left it below its reorder point, at that line's purchase time: what applying the lines one by one
     * would have shown the rule (sales only lower the stock, so no later line of the poll can cross the point again).
     */
    private static StockChange change(StockLevel after, int delta, List<Sale> itemLines) {
        int level = after.onHand() - delta;
        for (Sale line : itemLines) {
            level -= line.getQuantity();
            if (level < after.reorderPoint()) {
                return new StockChange(after, after.withOnHand(level), line.getPurchasedAt());
            }
        }
        return new StockChange(after, after, itemLines.get(itemLines.size() - 1).getPurchasedAt());
    }
}
