package com.zmart.demo.cli;

import java.util.List;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop that the demo carries out itself, in order, while the JVM runs.
 * A shutdown hook would run beside the hooks of the in-process Connect worker and of embedded PostgreSQL, which stop
 * those at once: the services, still stopping, then lost their database and the sinks logged errors. The JVM's own
 * shutdown comes after, with everything already stopped.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void handle(Runnable stopRequested) {
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> stopRequested.run());
        }
    }
}
