package com.zmart.contracts.serde;

import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A value serde that only deserializes records of its topic's contract. The registry deserializer returns whatever
 * contract the record's schema id names, so a record of another contract (a producer writing to the wrong topic) would
 * otherwise pass deserialization and fail later, out of reach of the dead-letter handling (a store write of rewards'
 * members global table, a cast in sales-trends' click branch), and stop the instance (hardening poison test). Failing
 * here hands it to the deserialization handler, which sets it aside on the dead-letter topic.
 * {@link TopicSerdes} uses one for every Avro topic.
 */
public final class ContractSerde<T> implements Serde<T> {

    private final Serde<T> delegate;
    private final Class<T> contract;

    public ContractSerde(Serde<T> delegate, Class<T> contract) {
        this.delegate = delegate;
        this.contract = contract;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return delegate.serializer();
    }

    @Override
    public Deserializer<T> deserializer() {
        return checking(delegate.deserializer(), contract);
    }

    /** {@code inner}, refusing records of any contract but {@code contract}: for a client's own deserializer. */
    static <T> Deserializer<T> checking(Deserializer<? super T> inner, Class<T> contract) {
        return new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                inner.configure(configs, isKey);
            }

            @Override
            public T deserialize(String topic, byte[] data) {
                return checked(contract, topic, inner.deserialize(topic, data));
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] data) {
                return checked(contract, topic, inner.deserialize(topic, headers, data));
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    private static <T> T checked(Class<T> contract, String topic, Object value) {
        if (value == null || contract.isInstance(value)) {
            return contract.cast(value);
        }
        // The contract's name only: the record's values stay out of exception messages (they reach DLT headers).
        throw new SerializationException("A " + value.getClass().getSimpleName() + " record on " + topic + ", where "
                + contract.getSimpleName() + " records belong");
    }

    @Override
    public void close() {
        delegate.close();
    }
}
