package com.zmart.streams.state;

import java.io.IOException;
import java.nio.ByteBuffer;

import com.zmart.contracts.serde.SingleObjectDecoders;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for records that only the service that wrote them reads back: state-store values and repartition topics. Avro's
 * single-object encoding (marker, schema fingerprint, binary body) instead of the Schema Registry: internal topics have
 * no registered subject, and no client of the suite registers schemas (ADR 0001). The fingerprint lets a later
 * version resolve old values: the decoder knows every released version of a contract ({@link SingleObjectDecoders}),
 * so records an older instance left in a repartition topic or changelog are read after a rolling upgrade.
 */
public final class InternalAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public InternalAvroSerde(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = SingleObjectDecoders.of(model, schema);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return decoder.decode(bytes);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Cannot decode an internal record of topic " + topic, e);
            }
        };
    }

    private byte[] encode(T value) {
        try {
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new SerializationException("Cannot encode a " + value.getClass().getSimpleName(), e);
        }
    }
}
