package com.zmart.contracts.testing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads a dead letter's headers ({@link com.zmart.contracts.deadletter.DeadLetterHeaders}) as the text they carry. */
public final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    /** The last header {@code name} of the record as UTF-8 text, or null when it has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        return header(record.headers(), name);
    }

    /** The last header {@code name} of the record as UTF-8 text, or null when it has none. */
    public static String header(ProducerRecord<?, ?> record, String name) {
        return header(record.headers(), name);
    }

    /** The last header {@code name} as UTF-8 text, or null when there is none. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
