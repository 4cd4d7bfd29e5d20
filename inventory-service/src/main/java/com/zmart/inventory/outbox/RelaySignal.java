package com.zmart.inventory.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes the relay after a commit wrote to the outbox, so a reorder does not wait for the next poll. */
@Component
class RelaySignal {

    private final Semaphore permits = new Semaphore(0);

    void wake() {
        // One pending permit is enough: the relay drains everything unsent when it wakes.
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits for a wake-up or the timeout, whichever comes first. */
    void await(Duration timeout) throws InterruptedException {
        permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        permits.drainPermits();
    }
}
