package com.zmart.inventory.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.zmart.contracts.deadletter.InvalidRecordException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes with a delegate, then checks the record's rules and throws {@link InvalidRecordException} if any is
 * broken. Wrapped in spring-kafka's {@code ErrorHandlingDeserializer}, an invalid record thus reaches the error
 * handler with its original bytes, exactly as an undeserializable one does, and goes to the dead-letter topic as it was.
 */
public final class ValidatingDeserializer<T> implements Deserializer<T> {

    private final Deserializer<T> delegate;
    private final Function<T, List<String>> rules;

    public ValidatingDeserializer(Deserializer<T> delegate, Function<T, List<String>> rules) {
        this.delegate = delegate;
        this.rules = rules;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return check(delegate.deserialize(topic, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return check(delegate.deserialize(topic, headers, data));
    }

    private T check(T value) {
        if (value == null) {
            throw new InvalidRecordException("record", List.of("the record has no value"));
        }
        List<String> problems = rules.apply(value);
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("record", problems);
        }
        return value;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
