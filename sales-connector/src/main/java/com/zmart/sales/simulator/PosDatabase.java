package com.zmart.sales.simulator;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** The point-of-sale database: connection and schema migrations (Flyway, {@code db/migration}). */
public final class PosDatabase {

    private PosDatabase() {
    }

    public static DataSource dataSource(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Brings the schema to the latest migration; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate().migrationsExecuted;
    }
}
