package com.zmart.sales.simulator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zmart.platform.postgres.PostgresServer;

/**
 * A migrated point-of-sale database of a test's own on the test platform's PostgreSQL (never {@code pos}, which the
 * connector tests stream and count), dropped on close.
 */
final class ScratchPosDatabase implements AutoCloseable {

    private final DataSource admin;
    private final String name;
    private final DataSource dataSource;

    private ScratchPosDatabase(DataSource admin, String name, DataSource dataSource) {
        this.admin = admin;
        this.name = name;
        this.dataSource = dataSource;
    }

    static ScratchPosDatabase create(PostgresServer postgres, String name) throws SQLException {
        DataSource admin = PosDatabase.dataSource(postgres.jdbcUrl("postgres"), PostgresServer.USER, "");
        execute(admin, "DROP DATABASE IF EXISTS " + name);
        execute(admin, "CREATE DATABASE " + name);
        DataSource dataSource = PosDatabase.dataSource(postgres.jdbcUrl(name), PostgresServer.USER, "");
        PosDatabase.migrate(dataSource);
        return new ScratchPosDatabase(admin, name, dataSource);
    }

    DataSource dataSource() {
        return dataSource;
    }

    void execute(String sql) throws SQLException {
        execute(dataSource, sql);
    }

    @Override
    public void close() throws SQLException {
        execute(admin, "DROP DATABASE IF EXISTS " + name);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
