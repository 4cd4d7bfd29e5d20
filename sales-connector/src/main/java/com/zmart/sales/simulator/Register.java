package com.zmart.sales.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;

/**
 * A register: rings up one receipt, one {@code sale_lines} row per purchased line, committed together in one
 * database transaction, as the point of sale does. The simulator and the end-to-end test both go through it.
 */
public final class Register implements AutoCloseable {

    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);
    private static final String INSERT_LINE = """
            INSERT INTO sale_lines (transaction_id, line_number, store_id, store_zip_code, store_region, customer_id,
                loyalty_member_id, sku, product_name, department, quantity, unit_price, coupon_code, discount,
                card_number, purchased_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Connection connection;
    private final PreparedStatement insert;

    public Register(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT_LINE);
    }

    /** A line's discount: with the coupon, {@link StoreCatalog#COUPON_PERCENT}% of price x quantity, half up to cents. */
    public static BigDecimal discount(Item item, boolean coupon) {
        return coupon ? item.product().unitPrice().multiply(BigDecimal.valueOf(item.quantity()))
                .multiply(BigDecimal.valueOf(StoreCatalog.COUPON_PERCENT)).divide(PERCENT, 2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
    }

    /** One purchased line: a product and how many. */
    public record Item(Product product, int quantity) {
    }

    /**
     * @param couponLines for each item, whether the ZMart coupon ({@link StoreCatalog#COUPON_PERCENT}% off) applies
     */
    public record Receipt(String transactionId, Store store, Customer customer, List<Item> items,
                          List<Boolean> couponLines, Instant purchasedAt) {

        public Receipt {
            items = List.copyOf(items);
            couponLines = List.copyOf(couponLines);
            if (items.isEmpty() || items.size() != couponLines.size()) {
                throw new IllegalArgumentException("a receipt has at least one item and a coupon flag per item");
            }
        }
    }

    /** Writes and commits the receipt; returns the number of lines. The customer's card number is stored as is. */
    public int ring(Receipt receipt) throws SQLException {
        // timestamp without time zone, always UTC: the connector reads it as a UTC instant.
        LocalDateTime purchasedAt = LocalDateTime.ofInstant(receipt.purchasedAt(), ZoneOffset.UTC);
        Customer customer = receipt.customer();
        Store store = receipt.store();
        for (int i = 0; i < receipt.items().size(); i++) {
            Item item = receipt.items().get(i);
            Product product = item.product();
            boolean coupon = receipt.couponLines().get(i);
            BigDecimal discount = discount(item, coupon);
            bind(receipt.transactionId(), i + 1, store.id(), store.zipCode(), store.region(), customer.id(),
                    customer.memberId().orElse(null), product.sku(), product.name(), product.department(),
                    item.quantity(), product.unitPrice(), coupon ? StoreCatalog.COUPON_CODE : null, discount,
                    customer.cardNumber(), purchasedAt);
        }
        try {
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        return receipt.items().size();
    }

    private void bind(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
