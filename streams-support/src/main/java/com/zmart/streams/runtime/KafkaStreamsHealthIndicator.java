package com.zmart.streams.runtime;

import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the streams: UP while RUNNING, OUT_OF_SERVICE while starting or rebalancing (the instance is alive but
 * its state may be moving), DOWN once the streams failed or stopped.
 */
public class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final ManagedKafkaStreams streams;

    public KafkaStreamsHealthIndicator(ManagedKafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        State state = streams.state();
        Status status = switch (state) {
            case RUNNING -> Status.UP;
            case CREATED, REBALANCING -> Status.OUT_OF_SERVICE;
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Status.DOWN;
        };
        return Health.status(status).withDetail("state", state.name()).build();
    }
}
