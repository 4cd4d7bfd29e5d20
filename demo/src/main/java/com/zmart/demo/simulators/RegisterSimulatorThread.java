package com.zmart.demo.simulators;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import com.zmart.demo.supervision.Supervised;
import com.zmart.sales.simulator.RegisterSimulator;
import com.zmart.sales.simulator.SimulatorOptions;

/**
 * The register simulator on a thread of the demo's JVM. Each start is a new simulator with a transaction-id prefix of
 * its own, so a restart never collides with receipts written before.
 */
public final class RegisterSimulatorThread implements AutoCloseable {

    public static final String NAME = "registers";

    private final DataSource pos;
    private final SimulatorOptions options;
    private final Path log;
    private volatile RegisterSimulator simulator;
    private volatile Thread thread;
    private volatile String failure;
    private volatile boolean finished;

    private RegisterSimulatorThread(DataSource pos, SimulatorOptions options, Path log) {
        this.pos = pos;
        this.options = options;
        this.log = log;
    }

    /** {@code log}: where the demo's own log is, which reports a failure. */
    public static RegisterSimulatorThread start(DataSource pos, SimulatorOptions options, Path log) {
        RegisterSimulatorThread registers = new RegisterSimulatorThread(pos, options, log);
        registers.startThread();
        return registers;
    }

    private void startThread() {
        RegisterSimulator next = new RegisterSimulator(pos, options, Clock.systemUTC());
        failure = null;
        simulator = next;
        thread = new Thread(() -> {
            try {
                next.run(progress -> { });
                finished = true;
            } catch (SQLException e) {
                // The state, never the message: a failing row's detail can hold a card number.
                failure = "SQL state " + e.getSQLState() + " (" + e.getClass().getSimpleName() + ")";
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName();
            }
        }, "register-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    public Supervised supervised() {
        return new Supervised(NAME, () -> Optional.ofNullable(failure), () -> finished, () -> log, this::startThread);
    }

    @Override
    public void close() throws InterruptedException {
        simulator.stop();
        thread.join(2_000);
    }
}
