package com.zmart.streams.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * What an instance does when a stream thread dies of an exception nothing else handled (a record that fails to
 * deserialize or to process goes to the dead-letter topic before it gets here): it replaces the thread. The new
 * thread's clients fence the old ones, and under exactly-once its tasks resume from the last commit. That is what a
 * broker crash calls for: a thread's transactional producer can be left in a fatal state (an
 * {@code InvalidTxnStateException} at commit when a crashed broker came back, in the hardening fault test), and
 * shutting the instance's streams down then stopped the service's processing for good while it stayed up.
 *
 * <p>A failure that comes back at once is no such accident: past {@code maxReplacements} within {@code window} the
 * instance shuts its streams down instead, and reports itself broken so that its orchestrator restarts it.
 */
final class StreamThreadFailures {

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    StreamThreadFailures(int maxReplacements, Duration window, Clock clock) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    /** The response to one more dead thread. */
    synchronized StreamThreadExceptionResponse onFailure() {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && !replacements.peekFirst().isAfter(now.minus(window))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= maxReplacements) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
