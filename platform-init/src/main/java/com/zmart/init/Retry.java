package com.zmart.init;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries a step while its server is not there yet; a permanent failure (a refused schema ...) ends it at once. */
final class Retry {

    private static final Logger log = LoggerFactory.getLogger(Retry.class);

    private Retry() {
    }

    static <T> T until(String what, Duration timeout, Duration backoff, Predicate<RuntimeException> permanent,
                       Supplier<T> step) {
        Instant deadline = Instant.now().plus(timeout);
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (permanent.test(e) || Instant.now().plus(backoff).isAfter(deadline)) {
                    throw new IllegalStateException("Could not " + what + " (attempt " + attempt + "): " + e.getMessage(), e);
                }
                log.info("Could not {} yet ({}); retrying in {} s", what, e.getMessage(), backoff.toSeconds());
                sleep(backoff);
            }
        }
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
