package com.zmart.sales.simulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;
import com.zmart.simulator.scenario.DemoCustomers;

/**
 * ZMart's registers: writes sales into the point-of-sale database through JDBC, one database transaction per
 * receipt (all its lines or none), at a steady rate. The same seed gives the same sequence of purchases; each run
 * gets its own transaction-id prefix so runs never collide.
 */
public final class RegisterSimulator {

    private final DataSource dataSource;
    private final SimulatorOptions options;
    private final StoreCatalog catalog;
    private final Clock clock;
    private final String runId;
    private volatile boolean stopped;

    public RegisterSimulator(DataSource dataSource, SimulatorOptions options, Clock clock) {
        this.dataSource = dataSource;
        this.options = options;
        this.clock = clock;
        this.catalog = new StoreCatalog(options.stores(), options.products(), options.customers(), options.memberShare(),
                options.seed());
        this.runId = Long.toString(clock.millis(), 36);
    }

    /** Progress, reported about once a second and at the end. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(Progress progress);
    }

    public record Progress(long transactions, long lines, Duration elapsed, boolean finished) {
        public double transactionsPerSecond() {
            return elapsed.isZero() ? 0 : transactions * 1000.0 / elapsed.toMillis();
        }
    }

    public StoreCatalog catalog() {
        return catalog;
    }

    /** Asks a running {@link #run} to finish after the current receipt. */
    public void stop() {
        stopped = true;
    }

    /** Inserts the stores, products, customers, members and the coupon; rows that exist are left alone. */
    public void loadReferenceData() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement stores = connection.prepareStatement(
                    "INSERT INTO stores VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement products = connection.prepareStatement(
                         "INSERT INTO products VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement customers = connection.prepareStatement(
                         "INSERT INTO customers VALUES (?, ?, NULL) ON CONFLICT DO NOTHING");
                 PreparedStatement members = connection.prepareStatement(
                         "INSERT INTO loyalty_members VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement coupons = connection.prepareStatement(
                         "INSERT INTO coupons VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Store store : catalog.stores()) {
                    batch(stores, store.id(), store.name(), store.zipCode(), store.region());
                }
                for (Product product : catalog.products()) {
                    batch(products, product.sku(), product.name(), product.department(), product.unitPrice());
                }
                for (Customer customer : catalog.customers()) {
                    batch(customers, customer.id(), customer.firstName());
                }
                for (Customer customer : catalog.customers()) {
                    if (customer.memberId().isPresent()) {
                        batch(members, customer.memberId().get(), customer.id(), customer.email(), customer.firstName(),
                                LocalDateTime.ofInstant(customer.joinedAt(), ZoneOffset.UTC));
                    }
                }
                batch(coupons, StoreCatalog.COUPON_CODE, StoreCatalog.COUPON_PERCENT, "15% off, from the coupon campaigns");
                for (PreparedStatement statement : List.of(stores, products, customers, members, coupons)) {
                    statement.executeBatch();
                }
            }
            connection.commit();
        }
    }

    /** Writes receipts until the duration or count is reached, or {@link #stop()} is called. */
    public Progress run(ProgressListener listener) throws SQLException {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5A1E5L);
        long started = System.nanoTime();
        long nanosPerTransaction = (long) (1_000_000_000L / options.ratePerSecond());
        long deadline = options.duration().isZero() ? Long.MAX_VALUE : started + options.duration().toNanos();
        long transactions = 0;
        long lines = 0;
        long nextReport = started + 1_000_000_000L;
        try (Connection connection = dataSource.getConnection();
             Register register = new Register(connection)) {
            while (!stopped && (options.maxTransactions() == 0 || transactions < options.maxTransactions())) {
                long due = started + transactions * nanosPerTransaction;
                if (due >= deadline) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                lines += writeReceipt(register, random, transactions + 1);
                transactions++;
                if (System.nanoTime() >= nextReport) {
                    listener.progress(new Progress(transactions, lines, Duration.ofNanos(System.nanoTime() - started), false));
                    nextReport += 1_000_000_000L;
                }
            }
        }
        Progress done = new Progress(transactions, lines, Duration.ofNanos(System.nanoTime() - started), true);
        listener.progress(done);
        return done;
    }

    /**
     * One receipt of 1 to 4 lines, rung up by the register, for a customer drawn as the campaign simulator draws its
     * readers ({@link DemoCustomers#draw}). Returns the number of lines.
     */
    private int writeReceipt(Register register, SplittableRandom random, long sequence) throws SQLException {
        Store store = pick(catalog.stores(), random);
        Customer customer = catalog.customers().get(DemoCustomers.draw(random, catalog.customers().size()) - 1);
        int lineCount = 1 + random.nextInt(4);
        List<Register.Item> items = new ArrayList<>(lineCount);
        List<Boolean> coupons = new ArrayList<>(lineCount);
        for (int line = 1; line <= lineCount; line++) {
            items.add(new Register.Item(pick(catalog.products(), random), 1 + random.nextInt(3)));
            coupons.add(random.nextDouble() < options.couponShare());
        }
        return register.ring(new Register.Receipt("tx-" + runId + "-" + sequence, store, customer, items, coupons,
                Instant.now(clock)));
    }

    private static <T> T pick(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    private static void batch(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }
}
