package com.zmart.sales.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;

/**
 * ZMart's registers: writes sales into the point-of-sale database through JDBC, one database transaction per
 * receipt (all its lines or none), at a steady rate. The same seed gives the same sequence of purchases; each run
 * gets its own transaction-id prefix so runs never collide.
 */
public final class RegisterSimulator {

    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);
    private static final String INSERT_LINE = """
            INSERT INTO sale_lines (transaction_id, line_number, store_id, store_zip_code, store_region, customer_id,
                loyalty_member_id, sku, product_name, department, quantity, unit_price, coupon_code, discount,
                card_number, purchased_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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
             PreparedStatement insert = connection.prepareStatement(INSERT_LINE)) {
            connection.setAutoCommit(false);
            while (!stopped && (options.maxTransactions() == 0 || transactions < options.maxTransactions())) {
                long due = started + transactions * nanosPerTransaction;
                if (due >= deadline) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                lines += writeReceipt(connection, insert, random, transactions + 1);
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

    /** One receipt: 1 to 4 lines, committed together. Returns the number of lines. */
    private int writeReceipt(Connection connection, PreparedStatement insert, SplittableRandom random, long sequence)
            throws SQLException {
        Store store = pick(catalog.stores(), random);
        Customer customer = pick(catalog.customers(), random);
        String transactionId = "tx-" + runId + "-" + sequence;
        // timestamp without time zone, always UTC: the connector reads it as a UTC instant.
        LocalDateTime purchasedAt = LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        int lineCount = 1 + random.nextInt(4);
        for (int line = 1; line <= lineCount; line++) {
            Product product = pick(catalog.products(), random);
            int quantity = 1 + random.nextInt(3);
            boolean coupon = random.nextDouble() < options.couponShare();
            BigDecimal discount = coupon
                    ? product.unitPrice().multiply(BigDecimal.valueOf(quantity))
                            .multiply(BigDecimal.valueOf(StoreCatalog.COUPON_PERCENT)).divide(PERCENT, 2, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(2);
            batch(insert, transactionId, line, store.id(), store.zipCode(), store.region(), customer.id(),
                    customer.memberId().orElse(null), product.sku(), product.name(), product.department(), quantity,
                    product.unitPrice(), coupon ? StoreCatalog.COUPON_CODE : null, discount, customer.cardNumber(), purchasedAt);
        }
        try {
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        return lineCount;
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
