package com.zmart.trends.attribution;

import java.time.Duration;
import java.util.Set;

import com.zmart.events.Sale;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.trends.state.Receipt;
import com.zmart.contracts.sale.SaleLineAmounts;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds up the lines of each transaction into one {@link Receipt}, so that a purchase is attributed once, with its whole
 * revenue. The contract has no line count, so a receipt is complete when
 * <ul>
 *   <li>a line of another transaction arrives on the partition: the lines of one receipt are one database
 *       transaction, and Debezium writes them consecutively to the transaction's partition (ADR 0005); or</li>
 *   <li>the partition stayed silent for the idle timeout (wall clock), for the last receipt before a pause.</li>
 * </ul>
 * A pause is not always the end of a transaction: an outage, a restart or a busy thread can hold its next line back
 * for longer than the timeout. The lines that come after their receipt was closed make a receipt of their own, a
 * part of the same purchase identified by its smallest line number ({@code firstLine}), which attribution credits
 * as a continuation ({@link CreditedPurchaseParts}).
 * So a task has at most one open receipt. It is kept in a changelogged store under one fixed key, so a restart neither
 * loses nor repeats it, and the record cache turns all the receipts opened and closed between two commits into one
 * changelog record per task, where a key per transaction cost a record (a tombstone) per receipt.
 */
final class ReceiptAssembler implements Processor<String, Sale, String, Receipt> {

    static final String OPEN_RECEIPTS_STORE = "open-receipts";
    /** The key of the task's open receipt. */
    static final String OPEN = "open";
    private static final Duration MIN_CHECK_INTERVAL = Duration.ofMillis(100);

    private final Duration idleTimeout;
    private ProcessorContext<String, Receipt> context;
    private KeyValueStore<String, Receipt> store;
    private Receipt open;
    private String formerKey;

    private ReceiptAssembler(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    static ProcessorSupplier<String, Sale, String, Receipt> supplier(Duration idleTimeout) {
        // In memory: one entry per task; the changelog restores it. Cached: see the class comment.
        StoreBuilder<KeyValueStore<String, Receipt>> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(OPEN_RECEIPTS_STORE), Serdes.String(),
                new InternalAvroSerde<>(Receipt.class)).withCachingEnabled();
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Sale, String, Receipt> get() {
                return new ReceiptAssembler(idleTimeout);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Receipt> context) {
        this.context = context;
        this.store = context.getStateStore(OPEN_RECEIPTS_STORE);
        // A revived task initializes its processors again: the open receipt comes from the store alone. Versions that
        // keyed the open receipt by its transaction left it under that key; it is moved under OPEN at the next write.
        this.open = null;
        this.formerKey = null;
        try (KeyValueIterator<String, Receipt> all = store.all()) {
            all.forEachRemaining(entry -> {
                open = entry.value;
                if (!entry.key.equals(OPEN)) {
                    formerKey = entry.key;
                }
            });
        }
        Duration interval = idleTimeout.dividedBy(2);
        context.schedule(interval.compareTo(MIN_CHECK_INTERVAL) < 0 ? MIN_CHECK_INTERVAL : interval,
                PunctuationType.WALL_CLOCK_TIME, this::closeIdle);
    }

    @Override
    public void process(Record<String, Sale> record) {
        Sale line = record.value();
        if (open != null && open.getTransactionId().equals(line.getTransactionId())) {
            open = added(open, line);
        } else {
            if (open != null) {
                forward(open);
            }
            open = first(line);
        }
        save();
    }

    private void closeIdle(long now) {
        if (open != null && open.getLastLineSeenAt() <= now - idleTimeout.toMillis()) {
            forward(open);
            open = null;
            save();
        }
    }

    private void save() {
        if (formerKey != null) {
            store.delete(formerKey);
            formerKey = null;
        }
        if (open != null) {
            store.put(OPEN, open);
        } else {
            store.delete(OPEN);
        }
    }

    private void forward(Receipt receipt) {
        context.forward(new Record<>(receipt.getTransactionId(), receipt, receipt.getPurchasedAt()));
    }

    private Receipt first(Sale line) {
        return Receipt.newBuilder()
                .setTransactionId(line.getTransactionId())
                .setCustomerId(line.getCustomerId())
                .setStoreId(line.getStoreId())
                .setPurchasedAt(line.getPurchasedAt().toEpochMilli())
                .setRevenueCents(SaleLineAmounts.netCents(line))
                .setCouponCode(line.getCouponCode())
                .setLines(1)
                .setLastLineSeenAt(context.currentSystemTimeMs())
                .setFirstLine(line.getLineNumber())
                .build();
    }

    private Receipt added(Receipt receipt, Sale line) {
        return Receipt.newBuilder(receipt)
                .setRevenueCents(receipt.getRevenueCents() + SaleLineAmounts.netCents(line))
                .setCouponCode(receipt.getCouponCode() != null ? receipt.getCouponCode() : line.getCouponCode())
                .setLines(receipt.getLines() + 1)
                .setLastLineSeenAt(context.currentSystemTimeMs())
                .setFirstLine(Math.min(receipt.getFirstLine(), line.getLineNumber()))
                .build();
    }
}
