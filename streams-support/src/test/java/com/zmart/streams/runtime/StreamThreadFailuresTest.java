package com.zmart.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10), clock);

    @Test
    void aDeadThreadIsReplacedAsLongAsFailuresStayRare() {
        for (int i = 0; i < 10; i++) {
            assertThat(failures.onFailure()).as("failure %d, 6 minutes after the one before", i)
                    .isEqualTo(REPLACE_THREAD);
            clock.advance(Duration.ofMinutes(6));
        }
    }

    @Test
    void failuresThatComeBackAtOnceShutTheStreamsDown() {
        assertThat(failures.onFailure()).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofMinutes(1));
        assertThat(failures.onFailure()).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofMinutes(1));
        assertThat(failures.onFailure()).isEqualTo(REPLACE_THREAD);
        clock.advance(Duration.ofMinutes(1));

        assertThat(failures.onFailure()).as("a fourth within 10 minutes").isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void onlyTheReplacementsWithinTheWindowCount() {
        failures.onFailure();
        clock.advance(Duration.ofMinutes(9));
        failures.onFailure();
        failures.onFailure();
        clock.advance(Duration.ofMinutes(1));

        assertThat(failures.onFailure()).as("the first is 10 minutes old").isEqualTo(REPLACE_THREAD);
        assertThat(failures.onFailure()).as("three within the last 10 minutes").isEqualTo(SHUTDOWN_CLIENT);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        private MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
