package com.zmart.contracts.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.zmart.contracts.topic.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

/** The names and values operators and tools read on every dead-letter topic (docs/errors.md): renaming one is a break. */
class DeadLetterHeadersTest {

    @Test
    void theReasonVocabularyIsFixed() {
        assertThat(Arrays.stream(DeadLetterReason.values()).map(DeadLetterReason::headerValue))
                .containsExactly("deserialization", "invalid", "unknown-item", "processing");
    }

    @Test
    void everyDeadLetterSaysWhyAndWhereFrom() {
        Headers headers = DeadLetterHeaders.of(DeadLetterReason.INVALID,
                new IllegalStateException("wrapped", new IllegalArgumentException("quantity must be positive")),
                Topics.SALES.name(), 2, 7);

        assertThat(headers.toArray()).extracting(Header::key).containsExactly("zmart.dlt.reason", "zmart.dlt.exception",
                "zmart.dlt.message", "zmart.dlt.topic", "zmart.dlt.partition", "zmart.dlt.offset");
        assertThat(text(headers, DeadLetterHeaders.REASON)).isEqualTo("invalid");
        assertThat(text(headers, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(text(headers, DeadLetterHeaders.MESSAGE)).isEqualTo("quantity must be positive");
        assertThat(text(headers, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.SALES.name());
        assertThat(text(headers, DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(text(headers, DeadLetterHeaders.OFFSET)).isEqualTo("7");
        assertThat(DeadLetterHeaders.PROCESSOR).isEqualTo("zmart.dlt.processor");
        assertThat(DeadLetterHeaders.TASK).isEqualTo("zmart.dlt.task");
    }

    @Test
    void aFailureWithoutAMessageSaysSo() {
        Headers headers = DeadLetterHeaders.of(DeadLetterReason.PROCESSING, new NullPointerException(),
                Topics.SALES.name(), 0, 0);
        assertThat(text(headers, DeadLetterHeaders.MESSAGE)).isEqualTo("null");
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
