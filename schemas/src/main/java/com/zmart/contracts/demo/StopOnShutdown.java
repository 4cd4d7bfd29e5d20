package com.zmart.contracts.demo;

/** For the simulators' command lines: Ctrl-C asks the simulator to stop and lets it print its final report. */
public final class StopOnShutdown {

    private static final long REPORT_WAIT_MILLIS = 5_000;

    private StopOnShutdown() {
    }

    /** On JVM shutdown, runs {@code stop} and waits (briefly) for the calling thread to finish. */
    public static void register(Runnable stop) {
        Thread caller = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            try {
                caller.join(REPORT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-shutdown"));
    }
}
