package com.zmart.sales.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

import com.zmart.simulator.cli.StopOnShutdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code register-simulator}: writes realistic sales into the point-of-sale database at a steady rate. */
@Command(name = "register-simulator", mixinStandardHelpOptions = true,
        description = "Writes ZMart sales into the point-of-sale database, one database transaction per receipt.")
public final class RegisterSimulatorCli implements Callable<Integer> {

    @Option(names = "--jdbc-url", defaultValue = "${env:POS_DB_URL:-jdbc:postgresql://127.0.0.1:5433/pos}",
            description = "Point-of-sale database (default: ${DEFAULT-VALUE}; env POS_DB_URL).")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "${env:POS_DB_USER:-postgres}", description = "Database user (env POS_DB_USER).")
    String user;

    @Option(names = "--password", defaultValue = "${env:POS_DB_PASSWORD:-}", description = "Database password (env POS_DB_PASSWORD).")
    String password;

    @Option(names = "--rate", defaultValue = "5", description = "Receipts per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "PT1M",
            description = "How long to run, ISO-8601 (PT30S, PT10M); PT0S runs until --count or Ctrl-C (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--count", defaultValue = "0", description = "Stop after this many receipts; 0 = no limit.")
    long count;

    @Option(names = "--stores", defaultValue = "10")
    int stores;

    @Option(names = "--products", defaultValue = "200")
    int products;

    @Option(names = "--customers", defaultValue = "1000")
    int customers;

    @Option(names = "--member-share", defaultValue = "0.4", description = "Share of customers in the loyalty program.")
    double memberShare;

    @Option(names = "--coupon-share", defaultValue = "0.15", description = "Share of lines bought with the 15% coupon.")
    double couponShare;

    @Option(names = "--seed", defaultValue = "42", description = "Same seed, same purchases (default: ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RegisterSimulatorCli()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SimulatorOptions options = new SimulatorOptions(rate, duration.isZero() && count == 0 ? Duration.ZERO : duration,
                count, stores, products, customers, memberShare, couponShare, seed);
        DataSource dataSource = PosDatabase.dataSource(jdbcUrl, user, password);
        PosDatabase.migrate(dataSource);
        RegisterSimulator simulator = new RegisterSimulator(dataSource, options, Clock.systemUTC());
        simulator.loadReferenceData();
        try (StopOnShutdown reported = StopOnShutdown.register(simulator::stop)) {
            simulator.run(p -> System.out.printf("%s %,d sales (%,d lines) written, %.1f sales/s%n",
                    p.finished() ? "Done:" : "Registers:", p.transactions(), p.lines(), p.transactionsPerSecond()));
            return 0;
        }
    }
}
