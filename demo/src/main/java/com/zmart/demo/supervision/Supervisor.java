package com.zmart.demo.supervision;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches what the demo started, as compose's {@code restart: unless-stopped} does for containers: one that ends
 * without being asked to is reported on the console at once (which one, how it ended, where its log is) and started
 * again after a pause that doubles with each failed attempt (1 s up to 30 s; back to 1 s once it has run for a
 * minute). Restarts run on threads of their own, so that a slow restart never delays the report of another failure.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    /** What the progress line shows for each one. */
    public enum State {
        UP, RESTARTING, DONE
    }

    private final Map<String, Watch> watches = new LinkedHashMap<>();
    private final ExecutorService restarts = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "supervisor-restart");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread thread;
    private volatile boolean running = true;

    private Supervisor(List<Supervised> supervised) {
        supervised.forEach(s -> watches.put(s.name(), new Watch(s)));
        thread = new Thread(this::watch, "supervisor");
        thread.setDaemon(true);
    }

    public static Supervisor start(List<Supervised> supervised) {
        Supervisor supervisor = new Supervisor(supervised);
        supervisor.thread.start();
        return supervisor;
    }

    private void watch() {
        while (running) {
            for (Watch watch : watches.values()) {
                try {
                    watch.check();
                } catch (RuntimeException e) {
                    // A check that cannot tell must not end the watching of the others.
                    log.warn("Cannot tell whether {} runs: {}", watch.supervised.name(), e.toString());
                }
            }
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Each one's state, in start order. */
    public Map<String, State> states() {
        Map<String, State> states = new LinkedHashMap<>();
        watches.forEach((name, watch) -> states.put(name, watch.state()));
        return states;
    }

    /** The names grouped by state, for the progress line: {@code up: clickstream rewards · restarting: inventory}. */
    public String statusLine() {
        Map<State, String> byState = states().entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                () -> new java.util.EnumMap<>(State.class),
                Collectors.mapping(Map.Entry::getKey, Collectors.joining(" "))));
        return byState.entrySet().stream().map(e -> e.getKey().name().toLowerCase() + ": " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    /** Stops watching; a restart under way is interrupted (what it started is stopped by its owner). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        restarts.shutdownNow();
        thread.join(2_000);
        restarts.awaitTermination(2, TimeUnit.SECONDS);
    }

    private final class Watch {

        private final Supervised supervised;
        private volatile State state = State.UP;
        private volatile int attempts;
        private volatile long upSince = System.nanoTime();

        Watch(Supervised supervised) {
            this.supervised = supervised;
        }

        State state() {
            return state;
        }

        /** On the supervisor's thread only. */
        void check() {
            if (state != State.UP) {
                return;
            }
            if (supervised.finished().getAsBoolean()) {
                state = State.DONE;
                return;
            }
            Optional<String> failure = supervised.failure().get();
            if (failure.isEmpty()) {
                return;
            }
            if (System.nanoTime() - upSince > STABLE.toNanos()) {
                attempts = 0;
            }
            Duration pause = pause(attempts++);
            state = State.RESTARTING;
            log.warn("{} exited unexpectedly: {}. Its log: {}. Starting it again in {} s.", supervised.name(),
                    failure.get(), supervised.log().get(), pause.toSeconds());
            long ended = System.nanoTime();
            restarts.execute(() -> restart(pause, ended));
        }

        private void restart(Duration pause, long ended) {
            Duration next = pause;
            while (running) {
                try {
                    Thread.sleep(next.toMillis());
                    supervised.restart().run();
                    upSince = System.nanoTime();
                    state = State.UP;
                    log.info("{} is running again ({} s after it exited).", supervised.name(),
                            Duration.ofNanos(upSince - ended).toSeconds());
                    return;
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    next = pause(attempts++);
                    log.warn("{} did not start again: {}. Its log: {}. Next attempt in {} s.", supervised.name(),
                            e.getMessage(), supervised.log().get(), next.toSeconds());
                }
            }
        }
    }

    static Duration pause(int attempt) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempt, 5));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
