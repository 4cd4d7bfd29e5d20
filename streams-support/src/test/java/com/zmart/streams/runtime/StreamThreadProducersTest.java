package com.zmart.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zmart.streams.error.DeadLetterPublisher;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.junit.jupiter.api.Test;

class StreamThreadProducersTest {

    private static final Map<TopicPartition, OffsetAndMetadata> OFFSETS =
            Map.of(new TopicPartition("zmart.sales", 0), new OffsetAndMetadata(42));

    private final List<String> calls = new ArrayList<>();
    private final Recording deadLetterProducer = new Recording("dead letters", calls);
    private final Recording streamProducer = new Recording("stream thread", calls);
    private final DeadLetterPublisher publisher = new DeadLetterPublisher(() -> deadLetterProducer, Duration.ofSeconds(1));
    private final Producer<byte[], byte[]> producer =
            new StreamThreadProducers(new Clients(streamProducer), publisher).getProducer(Map.of());

    @Test
    void aStreamThreadsFlushFirstWaitsForTheDeadLettersSentBeforeIt() {
        publisher.publish(new ProducerRecord<>("zmart.test.dlt", new byte[] {1}));

        producer.flush();

        assertThat(calls).containsExactly("dead letters flush", "stream thread flush");
        assertThat(deadLetterProducer.completeNext()).as("a letter still unacknowledged").isFalse();
    }

    @Test
    void offsetsReachTheTransactionOnlyAfterTheDeadLetters() {
        publisher.publish(new ProducerRecord<>("zmart.test.dlt", new byte[] {1}));
        streamProducer.initTransactions();
        streamProducer.beginTransaction();

        producer.sendOffsetsToTransaction(OFFSETS, new ConsumerGroupMetadata("app"));

        assertThat(calls).containsExactly("dead letters flush", "stream thread offsets");
        assertThat(streamProducer.uncommittedOffsets()).containsEntry("app", OFFSETS);
    }

    @Test
    void noOffsetIsCommittedPastARecordWhoseDeadLetterFailed() {
        publisher.publish(new ProducerRecord<>("zmart.test.dlt", new byte[] {1}));
        deadLetterProducer.errorNext(new TimeoutException("no in-sync replicas"));
        streamProducer.initTransactions();
        streamProducer.beginTransaction();

        assertThatThrownBy(() -> producer.sendOffsetsToTransaction(OFFSETS, new ConsumerGroupMetadata("app")))
                .isInstanceOf(KafkaException.class).hasRootCauseInstanceOf(TimeoutException.class);
        assertThatThrownBy(producer::flush).isInstanceOf(KafkaException.class);

        assertThat(streamProducer.uncommittedOffsets()).isEmpty();
        assertThat(calls).doesNotContain("stream thread offsets", "stream thread flush");
    }

    @Test
    void underExactlyOnceAFlushWaitsForTheDeadLettersAndLeavesTheRecordsToTheTransactionsCommit() {
        Producer<byte[], byte[]> transactional = new StreamThreadProducers(new Clients(streamProducer), publisher)
                .getProducer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "app-0_1"));
        publisher.publish(new ProducerRecord<>("zmart.test.dlt", new byte[] {1}));
        transactional.initTransactions();
        transactional.beginTransaction();
        transactional.send(new ProducerRecord<>("zmart.test-changelog", new byte[] {2}));

        transactional.flush();

        assertThat(calls).containsExactly("dead letters flush");
        assertThat(streamProducer.completeNext()).as("the changelog record still in flight").isTrue();
    }

    @Test
    void withoutDeadLettersACommitDoesNotWait() {
        producer.flush();

        assertThat(calls).containsExactly("stream thread flush");
    }

    /** A producer that answers only when told to, and notes its flushes and offset commits. */
    private static final class Recording extends MockProducer<byte[], byte[]> {

        private final String name;
        private final List<String> calls;

        Recording(String name, List<String> calls) {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.name = name;
            this.calls = calls;
        }

        @Override
        public synchronized void flush() {
            calls.add(name + " flush");
            super.flush();
        }

        @Override
        public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                             ConsumerGroupMetadata groupMetadata) {
            calls.add(name + " offsets");
            super.sendOffsetsToTransaction(offsets, groupMetadata);
        }
    }

    private record Clients(Producer<byte[], byte[]> producer) implements KafkaClientSupplier {

        @Override
        public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
            return producer;
        }

        @Override
        public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
            return new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        }

        @Override
        public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
            return getConsumer(config);
        }

        @Override
        public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
            return getConsumer(config);
        }
    }
}
