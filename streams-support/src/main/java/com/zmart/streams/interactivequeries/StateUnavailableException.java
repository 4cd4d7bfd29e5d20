package com.zmart.streams.interactivequeries;

import java.time.Duration;

/**
 * The state a query needs cannot be read right now (rebalancing, restoring, the owner and its standbys out of
 * reach): answered 503 with {@code Retry-After}, never with a wrong empty answer.
 */
public class StateUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public StateUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
