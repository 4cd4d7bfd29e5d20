package com.zmart.dashboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL (zonky's binaries), started once per test JVM, with a {@code dashboard} database migrated by
 * the application's own Flyway scripts: the queries are tested against the server they run on.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static String url;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE dashboard");
                }
                url = postgres.getJdbcUrl("postgres", "dashboard");
                Flyway.configure().dataSource(url, "postgres", "").load().migrate();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return url;
    }

    public static DataSource dataSource() {
        jdbcUrl();
        return postgres.getDatabase("postgres", "dashboard");
    }

    private static void stop() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // The JVM is going away anyway.
        }
    }

    public static void truncate() {
        execute("TRUNCATE sales_trends, campaign_conversions, campaign_funnels");
    }

    public static void execute(String sql) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row as the sink would write it, for a one-minute window starting at {@code windowStart}, no top items. */
    public static void trend(String store, String department, String kind, Instant windowStart, long units, String revenue) {
        trend(store, department, kind, windowStart, units, revenue, "[]");
    }

    /** The same with its top items, as the JSON the sink's transform writes ({@code [{"sku":..., ...}]}). */
    public static void trend(String store, String department, String kind, Instant windowStart, long units, String revenue,
                             String topItemsJson) {
        Instant start = windowStart.truncatedTo(ChronoUnit.MILLIS);
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO sales_trends (store_id, store_zip_code, department, window_kind, window_start, window_end,
                                               units, revenue, transactions, distinct_customers, top_items)
                     VALUES (?, '10001', ?, ?, ?, ?, ?, ?, 1, 1, CAST(? AS json))""")) {
            insert.setString(1, store);
            insert.setString(2, department);
            insert.setString(3, kind);
            insert.setTimestamp(4, Timestamp.from(start));
            insert.setTimestamp(5, Timestamp.from(start.plusSeconds(60)));
            insert.setLong(6, units);
            insert.setBigDecimal(7, new BigDecimal(revenue));
            insert.setString(8, topItemsJson);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void conversion(String campaign, long conversions, String revenue, Instant last) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO campaign_conversions VALUES (?, ?, ?, ?)")) {
            insert.setString(1, campaign);
            insert.setLong(2, conversions);
            insert.setBigDecimal(3, new BigDecimal(revenue));
            insert.setTimestamp(4, Timestamp.from(last));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void funnel(String campaign, long opened, long clicked, long activated, long printed, long purchases,
                              Instant last) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO campaign_funnels VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, campaign);
            insert.setLong(2, opened);
            insert.setLong(3, clicked);
            insert.setLong(4, activated);
            insert.setLong(5, printed);
            insert.setLong(6, purchases);
            insert.setTimestamp(7, Timestamp.from(last));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
