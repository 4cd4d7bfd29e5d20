package com.zmart.sales.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zmart.contracts.sale.SaleLineRules;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformTest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The point-of-sale schema refuses the sale lines the services would set aside ({@link SaleLineRules}), in a database
 * of its own ({@link ScratchPosDatabase}).
 */
// Same settings as SalesConnectorIT, so both share the one platform started per test JVM.
@LocalPlatformTest(connect = true)
class PosSaleLineRulesIT {

    private static final String DATABASE = "pos_sale_line_rules";
    private static final String CHECK_VIOLATION = "23514";

    @Test
    void theSchemaAcceptsAPurchaseAndRefusesWhatTheServicesWouldSetAside(LocalPlatform platform) throws Exception {
        try (ScratchPosDatabase pos = ScratchPosDatabase.create(platform.postgres().orElseThrow(), DATABASE)) {
            pos.execute("INSERT INTO stores VALUES ('store-1', 'Store', '10001', 'north-east')");
            pos.execute("INSERT INTO products VALUES ('sku-1', 'Coffee', 'grocery', 3.00)");
            pos.execute("INSERT INTO customers VALUES ('cust-1', 'Ada', 'L')");
            DataSource db = pos.dataSource();

            assertThat(insert(db, "t-1", 1, "grocery")).isEqualTo(1);
            assertThat(insert(db, "t-2", SaleLineRules.MAX_QUANTITY, "grocery")).isEqualTo(1);
            assertRefused(() -> insert(db, "t-return", -1, "grocery"));
            assertRefused(() -> insert(db, "t-zero", 0, "grocery"));
            assertRefused(() -> insert(db, "t-too-many", SaleLineRules.MAX_QUANTITY + 1, "grocery"));
            assertRefused(() -> insert(db, " ", 1, "grocery"));
            assertRefused(() -> insert(db, "t-3", 1, "\t"));
        }
    }

    private static void assertRefused(ThrowingCallable insert) {
        assertThatThrownBy(insert).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(CHECK_VIOLATION));
    }

    private static int insert(DataSource db, String transactionId, int quantity, String department)
            throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sale_lines (transaction_id, line_number, store_id, store_zip_code, store_region, customer_id,
                    sku, product_name, department, quantity, unit_price, discount, card_number, purchased_at)
                VALUES (?, 1, 'store-1', '10001', 'north-east', 'cust-1', 'sku-1', 'Coffee', ?, ?, 3.00, 0,
                    'xxxxxxxxxxxx1111', now())""")) {
            insert.setString(1, transactionId);
            insert.setString(2, department);
            insert.setInt(3, quantity);
            return insert.executeUpdate();
        }
    }

}
