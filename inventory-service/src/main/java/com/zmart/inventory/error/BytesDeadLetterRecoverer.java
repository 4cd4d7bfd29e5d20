package com.zmart.inventory.error;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Writes every dead letter as bytes through one byte-array template. Records that failed to deserialize (or broke
 * their rules) carry their original bytes already. A record that deserialized and then failed is written back with
 * its own topic's contract, so the dead letter holds the record in the wire format of the topic it came from (the
 * dead-letter topic has no contract of its own to serialize it with).
 */
final class BytesDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private final Serializer<SpecificRecord> avro;

    BytesDeadLetterRecoverer(KafkaOperations<String, byte[]> bytesTemplate, Serializer<SpecificRecord> avro,
                             TopicPartition destination) {
        super(bytesTemplate, (record, failure) -> destination);
        this.avro = avro;
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record, TopicPartition destination,
                                                                  Headers headers, byte[] key, byte[] value) {
        ProducerRecord<Object, Object> deadLetter = super.createProducerRecord(record, destination, headers, key, value);
        if (!(deadLetter.value() instanceof SpecificRecord deserialized)) {
            return deadLetter;
        }
        return new ProducerRecord<>(deadLetter.topic(), deadLetter.partition(), deadLetter.timestamp(), deadLetter.key(),
                avro.serialize(record.topic(), deserialized), deadLetter.headers());
    }
}
