package com.zmart.sales.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.platform.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The simulator's promise "the same seed gives the same sequence of purchases", checked on the rows it writes: it
 * rings receipts up only through a database, so each run gets a fresh database of its own ({@link ScratchPosDatabase}).
 */
// Same settings as SalesConnectorIT, so both share the one platform started per test JVM.
@LocalPlatformTest(connect = true)
class RegisterSimulatorRepeatabilityIT {

    private static final int RECEIPTS = 300;
    private static final Pattern TRANSACTION_ID = Pattern.compile("tx-[0-9a-z]+-(\\d+)");

    /** A written line without what differs between runs by design: the run's id prefix and the wall-clock time. */
    record Purchase(long receipt, int lineNumber, String storeId, String storeZipCode, String storeRegion,
                    String customerId, String loyaltyMemberId, String sku, String productName, String department,
                    int quantity, BigDecimal unitPrice, String couponCode, BigDecimal discount, String cardNumber) {
    }

    @Test
    void twoRunsWithTheSameSeedAndOptionsWriteTheSamePurchases(LocalPlatform platform) throws Exception {
        PostgresServer postgres = platform.postgres().orElseThrow();
        SimulatorOptions options = SimulatorOptions.defaults().withRate(10_000).withLimit(Duration.ZERO, RECEIPTS).withSeed(11);

        List<Purchase> first = purchases(postgres, "simulator_seed_first", options);
        List<Purchase> second = purchases(postgres, "simulator_seed_second", options);

        assertThat(first.stream().mapToLong(Purchase::receipt).distinct().count()).isEqualTo(RECEIPTS);
        // The comparison covers variety, not one repeated purchase: several stores and customers, coupon and no coupon.
        assertThat(first.stream().map(Purchase::storeId).distinct().count()).isGreaterThan(1);
        assertThat(first.stream().map(Purchase::customerId).distinct().count()).isGreaterThan(1);
        assertThat(first).anyMatch(p -> p.couponCode() != null).anyMatch(p -> p.couponCode() == null);
        assertThat(second).containsExactlyElementsOf(first);

        // And the seed is what decides: another seed, other purchases.
        List<Purchase> otherSeed = purchases(postgres, "simulator_seed_other", options.withSeed(12));
        assertThat(otherSeed).isNotEqualTo(first);
    }

    /** Runs the simulator once against a new database and reads back what it wrote, in ringing order. */
    private static List<Purchase> purchases(PostgresServer postgres, String database, SimulatorOptions options)
            throws SQLException {
        try (ScratchPosDatabase db = ScratchPosDatabase.create(postgres, database)) {
            RegisterSimulator simulator = new RegisterSimulator(db.dataSource(), options, Clock.systemUTC());
            simulator.loadReferenceData();
            assertThat(simulator.run(p -> { }).transactions()).isEqualTo(RECEIPTS);
            return read(db.dataSource());
        }
    }

    private static List<Purchase> read(DataSource db) throws SQLException {
        List<Purchase> purchases = new ArrayList<>();
        try (Connection connection = db.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT transaction_id, line_number, store_id, store_zip_code, store_region, customer_id,
                         loyalty_member_id, sku, product_name, department, quantity, unit_price, coupon_code, discount,
                         card_number
                     FROM sale_lines""")) {
            while (rs.next()) {
                Matcher id = TRANSACTION_ID.matcher(rs.getString("transaction_id"));
                assertThat(id.matches()).as("transaction id %s", rs.getString("transaction_id")).isTrue();
                purchases.add(new Purchase(Long.parseLong(id.group(1)), rs.getInt("line_number"),
                        rs.getString("store_id"), rs.getString("store_zip_code"), rs.getString("store_region"),
                        rs.getString("customer_id"), rs.getString("loyalty_member_id"), rs.getString("sku"),
                        rs.getString("product_name"), rs.getString("department"), rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"), rs.getString("coupon_code"), rs.getBigDecimal("discount"),
                        rs.getString("card_number")));
            }
        }
        purchases.sort((a, b) -> a.receipt() != b.receipt() ? Long.compare(a.receipt(), b.receipt())
                : Integer.compare(a.lineNumber(), b.lineNumber()));
        return purchases;
    }

}
