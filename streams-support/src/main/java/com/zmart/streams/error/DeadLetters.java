package com.zmart.streams.error;

import java.util.Map;

import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.DeadLetterReason;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a dead letter is: the original key and value bytes and headers, plus the {@code zmart.dlt.*} headers of
 * {@link DeadLetterHeaders} that say where the record came from and why it was set aside, with the processor and the
 * task. Shared by the deserialization and the processing handler.
 *
 * <p>Kafka Streams 4.1 has no built-in dead-letter queue (KIP-1034 ships in 4.2), so the copy goes through a
 * {@link DeadLetterPublisher}, outside the exactly-once transaction, and the next commit waits until the broker has
 * it ({@link com.zmart.streams.runtime.StreamThreadProducers}): a dead letter can be written twice if the task is
 * retried, never lost. If it cannot be written, the handler answers FAIL (refused at once) or the commit fails
 * (refused later), and the instance stops rather than skip.
 */
public final class DeadLetters {

    /** Streams configuration key under which the {@link DeadLetterPublisher} instance is passed. */
    public static final String PUBLISHER_CONFIG = "zmart.dead-letter.publisher";
    /** Streams configuration key naming the dead-letter topic. */
    public static final String TOPIC_CONFIG = "zmart.dead-letter.topic";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublisher publisher;
    private final String topic;

    private DeadLetters(DeadLetterPublisher publisher, String topic) {
        this.publisher = publisher;
        this.topic = topic;
    }

    /** Reads the publisher and the topic from a handler's {@code configure(...)} map. */
    static DeadLetters from(Map<String, ?> configs) {
        if (!(configs.get(PUBLISHER_CONFIG) instanceof DeadLetterPublisher publisher)) {
            throw new IllegalStateException(PUBLISHER_CONFIG + " must hold a " + DeadLetterPublisher.class.getName());
        }
        if (!(configs.get(TOPIC_CONFIG) instanceof String topic) || topic.isBlank()) {
            throw new IllegalStateException(TOPIC_CONFIG + " must name the dead-letter topic");
        }
        return new DeadLetters(publisher, topic);
    }

    /** Sends the copy to the dead-letter topic; false if the producer refused it at once. */
    boolean send(DeadLetterReason reason, ErrorHandlerContext context, byte[] key, byte[] value, Headers original,
                 long timestamp, Exception exception) {
        // Neither the message nor the bytes are logged: a record's content stays in Kafka (card data, ADR 0005).
        log.warn("Setting {}-{}@{} aside ({}, {}) to {}", context.topic(), context.partition(), context.offset(),
                reason.headerValue(), exception.getClass().getName(), topic);
        Headers headers = new RecordHeaders(original == null ? new org.apache.kafka.common.header.Header[0]
                : original.toArray());
        DeadLetterHeaders.add(headers, reason, exception, context.topic(), context.partition(), context.offset());
        DeadLetterHeaders.add(headers, DeadLetterHeaders.PROCESSOR, context.processorNodeId());
        DeadLetterHeaders.add(headers, DeadLetterHeaders.TASK, String.valueOf(context.taskId()));
        return publisher.publish(new ProducerRecord<>(topic, null, timestamp >= 0 ? timestamp : null, key, value,
                headers));
    }
}
