package com.zmart.streams.error;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends dead letters and waits for the broker's acknowledgement, so a record is only skipped once its copy is safe.
 * One instance (one producer, created at the first dead letter) serves every stream thread; the handlers get it
 * through the Streams configuration under {@link DeadLetters#PUBLISHER_CONFIG}.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final Supplier<? extends Producer<byte[], byte[]>> producerFactory;
    private final Duration timeout;
    private Producer<byte[], byte[]> producer;

    public DeadLetterPublisher(Supplier<? extends Producer<byte[], byte[]>> producerFactory, Duration timeout) {
        this.producerFactory = producerFactory;
        this.timeout = timeout;
    }

    /** True once the broker acknowledged the record; false if it could not be written in time. */
    public boolean publish(ProducerRecord<byte[], byte[]> record) {
        try {
            producer().send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.error("Could not write a dead letter to {}", record.topic(), e);
            return false;
        }
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = producerFactory.get();
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }
}
