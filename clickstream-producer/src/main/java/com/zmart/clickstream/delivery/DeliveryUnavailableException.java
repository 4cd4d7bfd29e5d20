package com.zmart.clickstream.delivery;

/** Kafka did not acknowledge the clicks (unreachable, or the producer's buffer is full): the client should retry. */
public class DeliveryUnavailableException extends RuntimeException {

    public DeliveryUnavailableException(Throwable cause) {
        super("Kafka did not acknowledge the clicks: " + cause.getMessage(), cause);
    }
}
