package com.zmart.rewards.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class DeadLetterHandlerTest {

    private final ConsumerRecord<byte[], byte[]> record =
            new ConsumerRecord<>("zmart.sales", 2, 7, new byte[] {1}, new byte[] {2});

    @Test
    void theApplicationStopsRatherThanLoseARecordItCouldNotDeadLetter() {
        // Never acknowledged: the publisher gives up after its timeout.
        MockProducer<byte[], byte[]> silent =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterHandler.PUBLISHER_CONFIG,
                new DeadLetterPublisher(() -> silent, Duration.ofMillis(50))));

        DeserializationHandlerResponse response = handler.handle(Mockito.mock(ErrorHandlerContext.class), record,
                new IllegalArgumentException("bad bytes"));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    @Test
    void aHandlerWithoutPublisherIsAConfigurationError() {
        assertThatThrownBy(() -> new DeadLetterHandler().configure(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(DeadLetterHandler.PUBLISHER_CONFIG);
    }
}
