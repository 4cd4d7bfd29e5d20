package com.zmart.streams.error;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a dead letter is: the original key and value bytes and headers, plus {@code zmart.dlt.*} headers that say
 * where the record came from and why it was set aside. Shared by the deserialization and the processing handler.
 *
 * <p>Kafka Streams 4.1 has no built-in dead-letter queue (KIP-1034 ships in 4.2), so the copy goes through a
 * {@link DeadLetterPublisher}, outside the exactly-once transaction, and the next commit waits until the broker has
 * it ({@link DeadLettersBeforeCommit}): a dead letter can be written twice if the task is retried, never lost. If it
 * cannot be written, the handler answers FAIL (refused at once) or the commit fails (refused later), and the
 * instance stops rather than skip.
 */
public final class DeadLetters {

    /** Streams configuration key under which the {@link DeadLetterPublisher} instance is passed. */
    public static final String PUBLISHER_CONFIG = "zmart.dead-letter.publisher";
    /** Streams configuration key naming the dead-letter topic. */
    public static final String TOPIC_CONFIG = "zmart.dead-letter.topic";

    public static final String HEADER_REASON = "zmart.dlt.reason";
    public static final String HEADER_EXCEPTION = "zmart.dlt.exception";
    public static final String HEADER_MESSAGE = "zmart.dlt.message";
    public static final String HEADER_TOPIC = "zmart.dlt.topic";
    public static final String HEADER_PARTITION = "zmart.dlt.partition";
    public static final String HEADER_OFFSET = "zmart.dlt.offset";
    public static final String HEADER_PROCESSOR = "zmart.dlt.processor";
    public static final String HEADER_TASK = "zmart.dlt.task";
    public static final String REASON_DESERIALIZATION = "deserialization";
    public static final String REASON_PROCESSING = "processing";

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
    boolean send(String reason, ErrorHandlerContext context, byte[] key, byte[] value, Headers original,
                 long timestamp, Exception exception) {
        // Neither the message nor the bytes are logged: a record's content stays in Kafka (card data, ADR 0005).
        log.warn("Setting {}-{}@{} aside ({}, {}) to {}", context.topic(), context.partition(), context.offset(),
                reason, exception.getClass().getName(), topic);
        Headers headers = new RecordHeaders(original == null ? new org.apache.kafka.common.header.Header[0]
                : original.toArray());
        add(headers, HEADER_REASON, reason);
        add(headers, HEADER_EXCEPTION, exception.getClass().getName());
        add(headers, HEADER_MESSAGE, String.valueOf(rootCause(exception).getMessage()));
        add(headers, HEADER_TOPIC, context.topic());
        add(headers, HEADER_PARTITION, Integer.toString(context.partition()));
        add(headers, HEADER_OFFSET, Long.toString(context.offset()));
        add(headers, HEADER_PROCESSOR, context.processorNodeId());
        add(headers, HEADER_TASK, String.valueOf(context.taskId()));
        return publisher.publish(new ProducerRecord<>(topic, null, timestamp >= 0 ? timestamp : null, key, value,
                headers));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
