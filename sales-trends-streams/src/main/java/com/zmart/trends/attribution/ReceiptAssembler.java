package com.zmart.trends.attribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.zmart.events.Sale;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.trends.state.Receipt;
import com.zmart.trends.topology.SaleLines;
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
 * Open receipts live in a (changelogged) store, so a restart neither loses nor repeats them. The processor also keeps
 * their ids in memory, read from the store at start: a line checks the one or two open receipts by key, where a scan of
 * the cached store would walk every receipt closed since the last commit (the cache keeps their tombstones), making
 * the work per line grow with the commit interval.
 */
final class ReceiptAssembler implements Processor<String, Sale, String, Receipt> {

    static final String OPEN_RECEIPTS_STORE = "open-receipts";
    private static final Duration MIN_CHECK_INTERVAL = Duration.ofMillis(100);

    private final Duration idleTimeout;
    private final Set<String> openIds = new LinkedHashSet<>();
    private ProcessorContext<String, Receipt> context;
    private KeyValueStore<String, Receipt> open;

    private ReceiptAssembler(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    static ProcessorSupplier<String, Sale, String, Receipt> supplier(Duration idleTimeout) {
        // In memory: a partition has one open receipt or two at a time; the changelog restores them. Cached: a
        // receipt opened, added to and closed between two commits reaches the changelog as one tombstone, not as a
        // record per line.
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
        this.open = context.getStateStore(OPEN_RECEIPTS_STORE);
        // A revived task initializes its processors again: the ids come from the store alone.
        openIds.clear();
        try (KeyValueIterator<String, Receipt> restored = open.all()) {
            restored.forEachRemaining(entry -> openIds.add(entry.key));
        }
        Duration interval = idleTimeout.dividedBy(2);
        context.schedule(interval.compareTo(MIN_CHECK_INTERVAL) < 0 ? MIN_CHECK_INTERVAL : interval,
                PunctuationType.WALL_CLOCK_TIME, this::closeIdle);
    }

    @Override
    public void process(Record<String, Sale> record) {
        Sale line = record.value();
        String transactionId = line.getTransactionId();
        // Open receipts are keyed by transaction: those of other transactions are complete, decided on the id alone.
        closeWhere(openId -> !openId.equals(transactionId));
        Receipt receipt = open.get(transactionId);
        open.put(transactionId, receipt == null ? first(line) : added(receipt, line));
        openIds.add(transactionId);
    }

    private void closeIdle(long now) {
        long lastLineBefore = now - idleTimeout.toMillis();
        closeWhere(openId -> open.get(openId).getLastLineSeenAt() <= lastLineBefore);
    }

    private void closeWhere(Predicate<String> complete) {
        if (openIds.isEmpty()) {
            return;
        }
        List<String> closing = new ArrayList<>();
        for (String transactionId : openIds) {
            if (complete.test(transactionId)) {
                closing.add(transactionId);
            }
        }
        for (String transactionId : closing) {
            Receipt receipt = open.get(transactionId);
            open.delete(transactionId);
            openIds.remove(transactionId);
            context.forward(new Record<>(transactionId, receipt, receipt.getPurchasedAt()));
        }
    }

    private Receipt first(Sale line) {
        return Receipt.newBuilder()
                .setTransactionId(line.getTransactionId())
                .setCustomerId(line.getCustomerId())
                .setStoreId(line.getStoreId())
                .setPurchasedAt(line.getPurchasedAt().toEpochMilli())
                .setRevenueCents(SaleLines.revenueCents(line))
                .setCouponCode(line.getCouponCode())
                .setLines(1)
                .setLastLineSeenAt(context.currentSystemTimeMs())
                .build();
    }

    private Receipt added(Receipt receipt, Sale line) {
        return Receipt.newBuilder(receipt)
                .setRevenueCents(receipt.getRevenueCents() + SaleLines.revenueCents(line))
                .setCouponCode(receipt.getCouponCode() != null ? receipt.getCouponCode() : line.getCouponCode())
                .setLines(receipt.getLines() + 1)
                .setLastLineSeenAt(context.currentSystemTimeMs())
                .build();
    }
}
