package com.zmart.inventory.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.zmart.inventory.stock.ItemNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class DeadLetterReasonTest {

    @Test
    void reasonsFollowTheCauseThroughSpringKafkasWrapping() {
        var notAvro = new DeserializationException("failed", new byte[] {1}, false, new IllegalStateException("magic byte"));
        var invalid = new DeserializationException("failed", new byte[] {1}, false, new InvalidEventException(List.of("sku must not be blank")));
        var unknown = new ListenerExecutionFailedException("listener failed", new ItemNotFoundException("store-1", "sku-9"));
        var database = new ListenerExecutionFailedException("listener failed", new DataAccessResourceFailureException("down"));

        assertThat(DeadLetterReason.of(notAvro).headerValue()).isEqualTo("undeserializable");
        assertThat(DeadLetterReason.of(invalid).headerValue()).isEqualTo("invalid");
        assertThat(DeadLetterReason.of(unknown).headerValue()).isEqualTo("unknown-item");
        assertThat(DeadLetterReason.of(database).headerValue()).isEqualTo("processing-failed");
        assertThat(DeadLetterReason.detail(unknown)).isEqualTo("ItemNotFoundException: No stock is kept for sku sku-9 in store store-1");
    }
}
