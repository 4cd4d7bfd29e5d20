package com.zmart.inventory.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zmart.contracts.serde.SingleObjectDecoders;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Outbox payloads are Avro single-object encoded (a schema fingerprint, then the binary record): independent of the
 * registry, so writing one never leaves the database transaction. A payload written by an older instance with a
 * released version of the contract is resolved to the current one (a rolling upgrade leaves such rows behind); one
 * written with an unknown version is refused instead of misread. The relay serializes the record for Kafka with the
 * registry serializer.
 */
final class OutboxPayloads {

    /** Per topic: decoders are thread-safe, and building one reads the contract's released versions. */
    private static final Map<String, BinaryMessageDecoder<SpecificRecord>> DECODERS = new ConcurrentHashMap<>();
    /** Per record class: encoders are thread-safe, and building one computes the schema's fingerprint. */
    private static final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> ENCODERS = new ConcurrentHashMap<>();

    private OutboxPayloads() {
    }

    static byte[] encode(SpecificRecord record) {
        try {
            ByteBuffer buffer = ENCODERS.computeIfAbsent(record.getClass(),
                    type -> new BinaryMessageEncoder<>(SpecificData.get(), record.getSchema())).encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record of a topic's value type, read back from its payload. */
    static SpecificRecord decode(String topic, byte[] payload) {
        TopicSpec<?, ?> spec = Topics.byName(topic);
        try {
            return DECODERS.computeIfAbsent(topic, t -> SingleObjectDecoders.<SpecificRecord>of(SpecificData.get(),
                    spec.valueSchema())).decode(payload);
        } catch (IOException | AvroRuntimeException e) {
            // E.g. written with another version of the contract: stop the relay rather than publish a misreading.
            throw new IllegalStateException("Unreadable outbox payload for " + topic + ": " + e.getMessage(), e);
        }
    }
}
