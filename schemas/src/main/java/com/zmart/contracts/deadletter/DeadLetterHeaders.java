package com.zmart.contracts.deadletter;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers every dead letter carries beside its original key, value and headers, whoever wrote it: the Streams
 * applications' handlers (streams-support) and the spring-kafka consumers' recoverers. Here, in the contracts library,
 * because the dead-letter topics are in the catalog ({@code Topics.*_DLT}) and every writer of them depends on this
 * module already; it needs nothing but kafka-clients. spring-kafka's recoverer adds its own {@code kafka_dlt-*}
 * headers as well.
 *
 * <p>The message is the failure's, never the record's values (card data stays in the record's bytes, ADR 0005): the
 * failures the services raise name fields and rules, not values.
 */
public final class DeadLetterHeaders {

    /** A {@link DeadLetterReason#headerValue()}. */
    public static final String REASON = "zmart.dlt.reason";
    /** Class of the failure as the consumer's code raised it (outside listener wrappers). */
    public static final String EXCEPTION = "zmart.dlt.exception";
    /** Message of the failure's innermost cause, which names the problem rather than the wrapping. */
    public static final String MESSAGE = "zmart.dlt.message";
    public static final String TOPIC = "zmart.dlt.topic";
    public static final String PARTITION = "zmart.dlt.partition";
    public static final String OFFSET = "zmart.dlt.offset";
    /** Streams only: the processor node that failed. */
    public static final String PROCESSOR = "zmart.dlt.processor";
    /** Streams only: the task that failed. */
    public static final String TASK = "zmart.dlt.task";

    private DeadLetterHeaders() {
    }

    /** Adds the headers every dead letter carries, in this order: reason, exception, message, topic, partition, offset. */
    public static Headers add(Headers headers, DeadLetterReason reason, Throwable failure, String topic, int partition,
                              long offset) {
        add(headers, REASON, reason.headerValue());
        add(headers, EXCEPTION, failure.getClass().getName());
        add(headers, MESSAGE, String.valueOf(rootCause(failure).getMessage()));
        add(headers, TOPIC, topic);
        add(headers, PARTITION, Integer.toString(partition));
        add(headers, OFFSET, Long.toString(offset));
        return headers;
    }

    /** The same headers, on their own (spring-kafka's recoverer adds them to the record's). */
    public static Headers of(DeadLetterReason reason, Throwable failure, String topic, int partition, long offset) {
        return add(new RecordHeaders(), reason, failure, topic, partition, offset);
    }

    /** One header as UTF-8 text; a null value stays null. */
    public static void add(Headers headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
