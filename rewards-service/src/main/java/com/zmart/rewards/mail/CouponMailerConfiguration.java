package com.zmart.rewards.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import com.zmart.contracts.deadletter.DeadLetterHeaders;
import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.RewardNotification;
import com.zmart.rewards.config.RewardsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.mail.MailPreparationException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The mailer's consumer: raw notification bytes (the mailer reads them) in polls of up to {@code batch-size}, whose
 * offsets are committed after their emails and ledger entries; SMTP failures retried, then the notification (and any
 * record that cannot be read, has no address or an address the mail API rejects) goes to
 * {@code zmart.rewards-service.dlt} with its original bytes, the suite's dead-letter headers ({@link DeadLetterHeaders})
 * and Spring's own {@code kafka_dlt-*} ones.
 */
@Configuration(proxyBeanMethods = false)
class CouponMailerConfiguration {

    /** The ledger's local copy, beside the Streams state of the same instance. */
    static final String LEDGER_COPY_DIRECTORY = "coupon-ledger";

    @Bean
    Deserializer<RewardNotification> notificationDeserializer(RewardsProperties rewards) {
        return TopicSerdes.registry(rewards.registryUrl()).valueDeserializer(Topics.REWARD_NOTIFICATIONS);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> couponMailerContainerFactory(
            KafkaProperties kafka, RewardsProperties rewards, CouponMailProperties mail, SentCoupons sentCoupons) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, rewards.bootstrapServers());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Notifications are written in the streams' transactions: read only committed ones.
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, mail.batchSize());
        // The instance's static membership extends to the mailer (spring-kafka suffixes each consumer -0, -1, ...): a
        // crashed instance started again gets its partitions back at once, not after the session timeout (45 s).
        if (rewards.instanceId() != null && !rewards.instanceId().isBlank()) {
            consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, rewards.instanceId().strip() + "-mailer");
        }

        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()));
        // A poll's emails share one SMTP connection; its offsets are committed once they are sent and recorded.
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        // After a bad record the error handler hands the rest of the poll back through a poll of the paused consumer;
        // with that poll's default 100 ms wait, 1,000 bad notifications would cost 100 s.
        factory.getContainerProperties().setPollTimeoutWhilePaused(Duration.ZERO);
        // One consumer per notification partition: each SMTP round trip blocks only its own partition.
        factory.setConcurrency(mail.concurrency());
        factory.getContainerProperties().setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(org.apache.kafka.clients.consumer.Consumer<?, ?> c,
                                             Collection<TopicPartition> partitions) {
                sentCoupons.catchUp();
            }
        });
        factory.setCommonErrorHandler(errorHandler(kafka, rewards, mail));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, RewardsProperties rewards,
                                                    CouponMailProperties mail) {
        Map<String, Object> producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, rewards.bootstrapServers());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaTemplate<String, byte[]> raw = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer,
                new StringSerializer(), new ByteArraySerializer()));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(raw,
                (record, exception) -> new TopicPartition(Topics.REWARDS_DLT.name(), -1));
        recoverer.setHeadersFunction((record, failure) -> DeadLetterHeaders.of(deadLetterReason(failure), failure,
                record.topic(), record.partition(), record.offset()));
        ConsumerAwareRecordRecoverer withReason = (record, consumer, thrown) ->
                recoverer.accept(record, consumer, reason(thrown));
        DefaultErrorHandler handler = new DefaultErrorHandler(withReason,
                new FixedBackOff(mail.retryBackoff().toMillis(), mail.sendAttempts() - 1L));
        // Retrying cannot fix these: straight to the dead-letter topic.
        handler.addNotRetryableExceptions(MissingEmailAddressException.class, SerializationException.class,
                MailPreparationException.class);
        // The rest of a failed poll stays in memory rather than being fetched (and deserialized) again.
        handler.setSeekAfterError(false);
        return handler;
    }

    /** Unreadable bytes, or a notification no attempt can send (no address, one the mail API rejects), or retries out. */
    static DeadLetterReason deadLetterReason(Throwable failure) {
        if (failure instanceof SerializationException) {
            return DeadLetterReason.DESERIALIZATION;
        }
        return failure instanceof MissingEmailAddressException || failure instanceof MailPreparationException
                ? DeadLetterReason.INVALID : DeadLetterReason.PROCESSING;
    }

    /** The failure itself, not the listener and batch wrappers around it, goes into the dead letter's headers. */
    private static Exception reason(Exception thrown) {
        Exception reason = thrown;
        while ((reason instanceof ListenerExecutionFailedException || reason instanceof BatchListenerFailedException)
                && reason.getCause() instanceof Exception cause) {
            reason = cause;
        }
        return reason;
    }

    @Bean(destroyMethod = "close")
    SentCoupons sentCoupons(KafkaProperties kafka, RewardsProperties rewards) {
        Map<String, Object> reader = kafka.buildConsumerProperties();
        reader.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, rewards.bootstrapServers());
        reader.remove(ConsumerConfig.GROUP_ID_CONFIG);
        reader.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        reader.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> writer = kafka.buildProducerProperties();
        writer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, rewards.bootstrapServers());
        writer.put(ProducerConfig.ACKS_CONFIG, "all");
        writer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        TopicSerdes serdes = TopicSerdes.registry(rewards.registryUrl());
        return new SentCoupons(new KafkaConsumer<>(reader, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(writer, serdes.keySerializer(Topics.COUPON_EMAILS),
                        serdes.valueSerializer(Topics.COUPON_EMAILS)),
                Path.of(rewards.stateDir(), LEDGER_COPY_DIRECTORY));
    }
}
