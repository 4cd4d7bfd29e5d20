package com.zmart.streams.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import com.zmart.streams.error.DeadLetterPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
 * The clients of a Kafka Streams instance, with stream-thread producers that commit the way this suite needs:
 * <ul>
 *   <li><b>Dead letters first.</b> A flush, and under exactly-once the offsets sent to the transaction, wait until the
 *   {@link DeadLetterPublisher} has every letter acknowledged: a record is skipped only once its copy is safe. Kafka
 *   Streams 4.1 has no hook at commit for its exception handlers (KIP-1034, in 4.2, writes dead letters through the
 *   stream thread's own producer); the producer is where every commit passes.</li>
 *   <li><b>One wait per commit under exactly-once.</b> At a commit Streams flushes each task in turn: the task's caches
 *   send what they hold, then the producer is flushed, so a thread with many tasks waits one acknowledgement round
 *   trip per task. Under exactly-once that flush adds nothing: {@code commitTransaction()} sends whatever is left and
 *   waits for every record of the transaction before it commits, and a record that failed fails the commit, which
 *   aborts it. So here a transactional producer's flush only waits for the dead letters; the tasks' records travel
 *   together and the commit waits once. Measured in docs/performance.md (the fault test caught up in 116 s instead
 *   of about 155).</li>
 * </ul>
 */
public final class StreamThreadProducers implements KafkaClientSupplier {

    private final KafkaClientSupplier clients;
    private final DeadLetterPublisher deadLetters;

    public StreamThreadProducers(DeadLetterPublisher deadLetters) {
        this(new DefaultKafkaClientSupplier(), deadLetters);
    }

    StreamThreadProducers(KafkaClientSupplier clients, DeadLetterPublisher deadLetters) {
        this.clients = clients;
        this.deadLetters = deadLetters;
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return clients.getAdmin(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new CommittingProducer(clients.getProducer(config), deadLetters,
                config.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG) != null);
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

    /**
     * A stream thread's producer: as it is, except that a flush or an offset commit waits for the dead letters, and
     * that a transactional one leaves flushing its own records to the commit.
     */
    private record CommittingProducer(Producer<byte[], byte[]> producer, DeadLetterPublisher deadLetters,
                                      boolean transactional) implements Producer<byte[], byte[]> {

        @Override
        public void flush() {
            deadLetters.awaitAcknowledged();
            if (!transactional) {
                producer.flush();
            }
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
