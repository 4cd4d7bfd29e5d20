package com.zmart.clickstream.delivery;

import java.util.List;

/**
 * Kafka did not acknowledge the clicks (unreachable, or the producer's buffer is full): the client should retry, with
 * the clicks' {@link #eventIds()} so that a copy written in spite of the failure can be recognised.
 */
public class DeliveryUnavailableException extends RuntimeException {

    private final List<String> eventIds;

    public DeliveryUnavailableException(Throwable cause) {
        this(cause, List.of());
    }

    private DeliveryUnavailableException(Throwable cause, List<String> eventIds) {
        super("Kafka did not acknowledge the clicks: " + cause.getMessage(), cause);
        this.eventIds = List.copyOf(eventIds);
    }

    /** The same failure, naming the clicks it concerns. */
    public DeliveryUnavailableException forEvents(List<String> eventIds) {
        return new DeliveryUnavailableException(getCause(), eventIds);
    }

    /** The ids of the clicks not confirmed, in request order; empty when not known. */
    public List<String> eventIds() {
        return eventIds;
    }
}
