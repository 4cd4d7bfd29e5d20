package com.zmart.inventory.error;

import static com.zmart.contracts.testing.DeadLetterRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.InvalidRecordException;
import com.zmart.contracts.topic.Topics;
import com.zmart.inventory.stock.ItemNotFoundException;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class DeadLetterReasonsTest {

    @Test
    void reasonsFollowTheCauseThroughSpringKafkasWrapping() {
        var notAvro = new DeserializationException("failed", new byte[] {1}, false, new IllegalStateException("magic byte"));
        var invalid = new DeserializationException("failed", new byte[] {1}, false, new InvalidRecordException("record", List.of("sku must not be blank")));
        var unknown = new ListenerExecutionFailedException("listener failed", new ItemNotFoundException("store-1", "sku-9"));
        var database = new ListenerExecutionFailedException("listener failed", new DataAccessResourceFailureException("down"));

        assertThat(DeadLetterReasons.of(notAvro).headerValue()).isEqualTo("deserialization");
        assertThat(DeadLetterReasons.of(invalid).headerValue()).isEqualTo("invalid");
        assertThat(DeadLetterReasons.of(unknown).headerValue()).isEqualTo("unknown-item");
        assertThat(DeadLetterReasons.of(database).headerValue()).isEqualTo("processing");

        Headers headers = DeadLetterHeaders.of(DeadLetterReasons.of(unknown), DeadLetterReasons.unwrapped(unknown),
                Topics.RESTOCKS.name(), 1, 9);
        assertThat(header(headers, DeadLetterHeaders.EXCEPTION)).isEqualTo(ItemNotFoundException.class.getName());
        assertThat(header(headers, DeadLetterHeaders.MESSAGE)).isEqualTo("No stock is kept for sku sku-9 in store store-1");
    }
}
