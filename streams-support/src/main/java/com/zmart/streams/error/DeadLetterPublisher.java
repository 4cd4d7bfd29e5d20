package com.zmart.streams.error;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends dead letters without waiting for each one, and makes the commit that would skip them wait instead: the stream
 * threads' producers ({@link com.zmart.streams.runtime.StreamThreadProducers}) call {@link #awaitAcknowledged()}
 * before Streams flushes them and before it sends offsets to a transaction. A record is still only skipped once its
 * copy is safe; the wait is one per commit, not one round trip per bad record (a burst of bad records would otherwise
 * hold a stream thread to a few dozen records a second).
 *
 * <p>One instance (one producer, created at the first dead letter) serves every stream thread; the handlers get it
 * through the Streams configuration under {@link DeadLetters#PUBLISHER_CONFIG}. A letter that cannot be written fails
 * every later commit of the instance, so its stream threads stop and what they had not committed is read again.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final Supplier<? extends Producer<byte[], byte[]>> producerFactory;
    private final Duration closeTimeout;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private Producer<byte[], byte[]> producer;

    public DeadLetterPublisher(Supplier<? extends Producer<byte[], byte[]>> producerFactory, Duration closeTimeout) {
        this.producerFactory = producerFactory;
        this.closeTimeout = closeTimeout;
    }

    /**
     * Hands the record to the producer. False if it was refused at once (the handler then stops the thread); a
     * failure reported later fails the next {@link #awaitAcknowledged()}.
     */
    public boolean publish(ProducerRecord<byte[], byte[]> record) {
        if (failure.get() != null) {
            return false;
        }
        try {
            producer().send(record, (metadata, exception) -> {
                if (exception != null && failure.compareAndSet(null, exception)) {
                    log.error("Could not write a dead letter to {}", record.topic(), exception);
                }
            });
            return true;
        } catch (RuntimeException e) {
            log.error("Could not write a dead letter to {}", record.topic(), e);
            return false;
        }
    }

    /**
     * Returns once every letter sent so far is acknowledged by the broker (bounded by the producer's
     * {@code delivery.timeout.ms}); throws if any letter could not be written.
     */
    public void awaitAcknowledged() {
        Producer<byte[], byte[]> sending = existingProducer();
        if (sending != null) {
            sending.flush();
        }
        Exception failed = failure.get();
        if (failed != null) {
            throw new KafkaException("A dead letter could not be written; the records it stands for are not skipped",
                    failed);
        }
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = producerFactory.get();
        }
        return producer;
    }

    private synchronized Producer<byte[], byte[]> existingProducer() {
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(closeTimeout);
            producer = null;
        }
    }
}
