package com.zmart.streams.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;

/**
 * The clients of a Kafka Streams instance whose dead letters are written: each stream thread's producer waits for
 * the {@link DeadLetterPublisher}'s letters before Streams flushes it (every commit, either guarantee) and before it
 * sends the consumed offsets to its transaction (exactly-once). Kafka Streams 4.1 has no hook at commit for the
 * exception handlers (KIP-1034, in 4.2, writes dead letters through the stream thread's own producer); its producer is
 * where every commit passes.
 */
public final class DeadLettersBeforeCommit implements KafkaClientSupplier {

    private final KafkaClientSupplier clients;
    private final DeadLetterPublisher deadLetters;

    public DeadLettersBeforeCommit(DeadLetterPublisher deadLetters) {
        this(new DefaultKafkaClientSupplier(), deadLetters);
    }

    DeadLettersBeforeCommit(KafkaClientSupplier clients, DeadLetterPublisher deadLetters) {
        this.clients = clients;
        this.deadLetters = deadLetters;
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return clients.getAdmin(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new CommitAfterDeadLetters(clients.getProducer(config), deadLetters);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return clients.getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return clients.getRestoreConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return clients.getGlobalConsumer(config);
    }

    /** A stream thread's producer: as it is, except that a flush or an offset commit waits for the dead letters. */
    private record CommitAfterDeadLetters(Producer<byte[], byte[]> producer, DeadLetterPublisher deadLetters)
            implements Producer<byte[], byte[]> {

        @Override
        public void flush() {
            deadLetters.awaitAcknowledged();
            producer.flush();
        }

        @Override
        public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                             ConsumerGroupMetadata groupMetadata) {
            deadLetters.awaitAcknowledged();
            producer.sendOffsetsToTransaction(offsets, groupMetadata);
        }

        @Override
        public void initTransactions() {
            producer.initTransactions();
        }

        @Override
        public void beginTransaction() {
            producer.beginTransaction();
        }

        @Override
        public void commitTransaction() {
            producer.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            producer.abortTransaction();
        }

        @Override
        public void registerMetricForSubscription(KafkaMetric metric) {
            producer.registerMetricForSubscription(metric);
        }

        @Override
        public void unregisterMetricFromSubscription(KafkaMetric metric) {
            producer.unregisterMetricFromSubscription(metric);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            return producer.send(record);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            return producer.send(record, callback);
        }

        @Override
        public List<PartitionInfo> partitionsFor(String topic) {
            return producer.partitionsFor(topic);
        }

        @Override
        public Map<MetricName, ? extends Metric> metrics() {
            return producer.metrics();
        }

        @Override
        public Uuid clientInstanceId(Duration timeout) {
            return producer.clientInstanceId(timeout);
        }

        @Override
        public void close() {
            producer.close();
        }

        @Override
        public void close(Duration timeout) {
            producer.close(timeout);
        }
    }
}
