package com.zmart.simulator.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** For the simulators' command lines: Ctrl-C asks the simulator to stop and lets it print its final report. */
public final class StopOnShutdown implements AutoCloseable {

    private static final long REPORT_WAIT_MILLIS = 5_000;

    private final CountDownLatch reported = new CountDownLatch(1);

    private StopOnShutdown() {
    }

    /**
     * On JVM shutdown, runs {@code stop} and waits (briefly) until the returned registration is closed, after the
     * final report. (Not until the caller's thread ends: a command line's main thread then blocks in System.exit, and
     * the wait always took its whole bound.)
     */
    public static StopOnShutdown register(Runnable stop) {
        StopOnShutdown registration = new StopOnShutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            try {
                registration.reported.await(REPORT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-shutdown"));
        return registration;
    }

    /** The simulator has stopped and reported. */
    @Override
    public void close() {
        reported.countDown();
    }
}
