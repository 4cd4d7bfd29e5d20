package com.zmart.platform.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.zmart.platform.process.ChildProcess;
import com.zmart.platform.process.PlatformStartupException;
import com.zmart.platform.process.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries shipped through Maven by zonky), with logical decoding on so that
 * Debezium can stream its changes. It keeps its data in the platform's data directory between runs.
 */
public final class PostgresServer implements AutoCloseable {

    /** Databases of the suite: the registers' point of sale, the inventory service, and the trends dashboard. */
    public static final List<String> DATABASES = List.of("pos", "inventory", "dashboard");
    public static final String USER = "postgres";

    /*
     * PostgreSQL daemonizes (pg_ctl), so it is not our child process: if this JVM is killed (kill -9), zonky's
     * shutdown hook never runs. This watchdog, a guarded child process, then sends PostgreSQL the fast-shutdown
     * signal, taking its pid from postmaster.pid.
     */
    private static final String WATCHDOG = """
            trap 'kill -INT "$(head -n 1 "$1/postmaster.pid")" 2>/dev/null; exit 0' TERM
            while :; do sleep 1; done
            """;

    private final EmbeddedPostgres postgres;
    private final ChildProcess watchdog;

    private PostgresServer(EmbeddedPostgres postgres, ChildProcess watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    public static PostgresServer start(int requestedPort, Path dataDirectory) {
        int port = Ports.claim(requestedPort, "PostgreSQL", "--postgres-port");
        Path data = dataDirectory.resolve("postgres");
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(data.getParent().resolve("logs"));
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "10")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new PlatformStartupException("PostgreSQL did not start in " + data + ": " + e.getMessage()
                    + " (a data directory left by a crashed run can be wiped with --reset)", e);
        }
        ChildProcess watchdog = ChildProcess.start("postgres-watchdog",
                List.of("sh", "-c", WATCHDOG, "postgres-watchdog", data.toAbsolutePath().toString()),
                data.getParent(), data.getParent().resolve("logs/postgres-watchdog.log"));
        PostgresServer server = new PostgresServer(postgres, watchdog);
        try {
            server.createDatabases();
        } catch (SQLException e) {
            server.close();
            throw new PlatformStartupException("Cannot create the suite's databases: " + e.getMessage(), e);
        }
        return server;
    }

    private void createDatabases() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!rs.next()) {
                        statement.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        } finally {
            // Stopped after PostgreSQL: its signal then finds no postmaster.pid, or a process already gone.
            watchdog.close();
        }
    }
}
