package com.zmart.rewards.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.zmart.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be deserialized is copied, raw key and value bytes and original headers, to
 * {@code zmart.rewards-service.dlt} with the reason in {@code zmart.dlt.*} headers, and processing goes on.
 * If the copy cannot be written, the application stops ({@code FAIL}) rather than lose the record.
 *
 * <p>Kafka Streams 4.1 has no built-in dead-letter queue for this handler (KIP-1034 ships in 4.2), so the copy goes
 * through the service's own {@link DeadLetterPublisher}, outside the exactly-once transaction: a dead letter can be
 * written twice if the task is retried, never lost.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Streams configuration key under which the {@link DeadLetterPublisher} instance is passed. */
    public static final String PUBLISHER_CONFIG = "zmart.rewards.dead-letter.publisher";

    public static final String HEADER_REASON = "zmart.dlt.reason";
    public static final String HEADER_EXCEPTION = "zmart.dlt.exception";
    public static final String HEADER_MESSAGE = "zmart.dlt.message";
    public static final String HEADER_TOPIC = "zmart.dlt.topic";
    public static final String HEADER_PARTITION = "zmart.dlt.partition";
    public static final String HEADER_OFFSET = "zmart.dlt.offset";
    public static final String HEADER_PROCESSOR = "zmart.dlt.processor";
    public static final String HEADER_TASK = "zmart.dlt.task";
    public static final String REASON_DESERIALIZATION = "deserialization";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

    private DeadLetterPublisher publisher;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(PUBLISHER_CONFIG) instanceof DeadLetterPublisher configured)) {
            throw new IllegalStateException(PUBLISHER_CONFIG + " must hold a " + DeadLetterPublisher.class.getName());
        }
        this.publisher = configured;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        // The message and the bytes are not logged: a record's content stays in Kafka (ADR 0005).
        log.warn("Cannot deserialize {}-{}@{} ({}); sending it to {}", record.topic(), record.partition(),
                record.offset(), exception.getClass().getName(), Topics.REWARDS_DLT.name());
        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(Topics.REWARDS_DLT.name(), null,
                record.timestamp() >= 0 ? record.timestamp() : null, record.key(), record.value(),
                headers(context, record, exception));
        return publisher.publish(deadLetter) ? DeserializationHandlerResponse.CONTINUE
                : DeserializationHandlerResponse.FAIL;
    }

    private static Headers headers(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                   Exception exception) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        add(headers, HEADER_REASON, REASON_DESERIALIZATION);
        add(headers, HEADER_EXCEPTION, exception.getClass().getName());
        add(headers, HEADER_MESSAGE, String.valueOf(rootCause(exception).getMessage()));
        add(headers, HEADER_TOPIC, record.topic());
        add(headers, HEADER_PARTITION, Integer.toString(record.partition()));
        add(headers, HEADER_OFFSET, Long.toString(record.offset()));
        add(headers, HEADER_PROCESSOR, context.processorNodeId());
        add(headers, HEADER_TASK, String.valueOf(context.taskId()));
        return headers;
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
