package com.zmart.streams.error;

import static com.zmart.contracts.testing.DeadLetterRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.deadletter.InvalidRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {

    private static final String DLT = "zmart.test.dlt";

    private final ErrorHandlerContext context = new Context();

    @Test
    void anUndeserializableRecordIsCopiedRawWithItsReasonAndProcessingGoesOn() {
        MockProducer<byte[], byte[]> producer = acknowledging();
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(config(producer, Duration.ofSeconds(5)));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("zmart.sales", 2, 7, new byte[] {1},
                new byte[] {0, 0, 0, 0, 42});
        record.headers().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));

        DeserializationHandlerResponse response = handler.handle(context, record,
                new IllegalStateException("wrapped", new IllegalArgumentException("unknown schema id 42")));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        ProducerRecord<byte[], byte[]> letter = producer.history().get(0);
        assertThat(letter.topic()).isEqualTo(DLT);
        assertThat(letter.key()).containsExactly(1);
        assertThat(letter.value()).containsExactly(0, 0, 0, 0, 42);
        assertThat(header(letter, "trace")).isEqualTo("t-1");
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.DESERIALIZATION.headerValue());
        assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isEqualTo("unknown schema id 42");
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo("zmart.sales");
        assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("7");
        assertThat(header(letter, DeadLetterHeaders.TASK)).isEqualTo("0_2");
    }

    @Test
    void aRecordWhoseProcessingFailsIsCopiedWithTheBytesItArrivedWith() {
        MockProducer<byte[], byte[]> producer = acknowledging();
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(config(producer, Duration.ofSeconds(5)));

        ProcessingHandlerResponse response = handler.handle(context, new Record<>("re-keyed", "parsed", 5L),
                new ArithmeticException("overflow"));

        assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        ProducerRecord<byte[], byte[]> letter = producer.history().get(0);
        assertThat(letter.key()).isEqualTo(context.sourceRawKey());
        assertThat(letter.value()).isEqualTo(context.sourceRawValue());
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.PROCESSING.headerValue());
        assertThat(header(letter, DeadLetterHeaders.PROCESSOR)).isEqualTo("rewards");
    }

    @Test
    void aRecordThatBreaksItsContractsRulesIsFiledAsInvalid() {
        MockProducer<byte[], byte[]> producer = acknowledging();
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(config(producer, Duration.ofSeconds(5)));

        ProcessingHandlerResponse response = handler.handle(context, new Record<>("re-keyed", "parsed", 5L),
                new IllegalStateException("wrapped", new InvalidRecordException("sale line",
                        List.of("quantity must be between 1 and 1000000"))));

        assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        ProducerRecord<byte[], byte[]> letter = producer.history().get(0);
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.INVALID.headerValue());
        assertThat(header(letter, DeadLetterHeaders.MESSAGE))
                .isEqualTo("Invalid sale line: quantity must be between 1 and 1000000");
    }

    @Test
    void theApplicationStopsRatherThanSkipARecordTheProducerRefusedAtOnce() {
        MockProducer<byte[], byte[]> refusing = acknowledging();
        refusing.sendException = new KafkaException("closed");
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(config(refusing, Duration.ofSeconds(1)));

        DeserializationHandlerResponse response = handler.handle(context,
                new ConsumerRecord<>("zmart.sales", 2, 7, new byte[] {1}, new byte[] {2}),
                new IllegalArgumentException("bad bytes"));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    @Test
    void aLetterThatFailsLaterFailsTheNextCommitAndEveryLetterAfterIt() {
        MockProducer<byte[], byte[]> unanswered =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterPublisher publisher = new DeadLetterPublisher(() -> unanswered, Duration.ofSeconds(1));
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(Map.of(DeadLetters.PUBLISHER_CONFIG, publisher, DeadLetters.TOPIC_CONFIG, DLT));

        assertThat(handler.handle(context, new Record<>("k", "v", 5L), new ArithmeticException("overflow")))
                .as("handed to the producer, not yet acknowledged").isEqualTo(ProcessingHandlerResponse.CONTINUE);
        unanswered.errorNext(new TimeoutException("no in-sync replicas"));

        assertThatThrownBy(publisher::awaitAcknowledged).isInstanceOf(KafkaException.class)
                .hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(handler.handle(context, new Record<>("k2", "v2", 6L), new ArithmeticException("overflow")))
                .isEqualTo(ProcessingHandlerResponse.FAIL);
    }

    @Test
    void aHandlerWithoutPublisherOrTopicIsAConfigurationError() {
        assertThatThrownBy(() -> new DeadLetterDeserializationHandler().configure(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(DeadLetters.PUBLISHER_CONFIG);
        DeadLetterPublisher publisher = new DeadLetterPublisher(MockProducer::new, Duration.ofSeconds(1));
        assertThatThrownBy(() -> new DeadLetterProcessingHandler()
                .configure(Map.of(DeadLetters.PUBLISHER_CONFIG, publisher)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(DeadLetters.TOPIC_CONFIG);
    }

    private static MockProducer<byte[], byte[]> acknowledging() {
        return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> config(MockProducer<byte[], byte[]> producer, Duration timeout) {
        return Map.of(DeadLetters.PUBLISHER_CONFIG, new DeadLetterPublisher(() -> producer, timeout),
                DeadLetters.TOPIC_CONFIG, DLT);
    }

    /** What Streams passes to the handlers for a record of zmart.sales partition 2, offset 7. */
    private static final class Context implements ErrorHandlerContext {
        public String topic() { return "zmart.sales"; }
        public int partition() { return 2; }
        public long offset() { return 7; }
        public org.apache.kafka.common.header.Headers headers() { return new RecordHeaders(); }
        public String processorNodeId() { return "rewards"; }
        public TaskId taskId() { return new TaskId(0, 2); }
        public long timestamp() { return 1_700_000_000_000L; }
        public byte[] sourceRawKey() { return "tx-1".getBytes(StandardCharsets.UTF_8); }
        public byte[] sourceRawValue() { return new byte[] {0, 0, 0, 0, 7, 9}; }
    }
}
