package com.zmart.contracts.serde;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.zmart.contracts.topic.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serializer of a client that writes several of the catalog's Avro topics through one producer: a record goes
 * through its topic's serializer, and a record for a topic the client does not write, or of another contract than its
 * topic's, fails here instead of reaching the topic.
 */
final class TopicsValueSerializer implements Serializer<SpecificRecord> {

    private final Map<String, Serializer<SpecificRecord>> serializers = new LinkedHashMap<>();
    private final Map<String, Class<?>> contracts = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    TopicsValueSerializer(TopicSerdes serdes, Collection<? extends TopicSpec<?, ? extends SpecificRecord>> topics) {
        for (TopicSpec<?, ? extends SpecificRecord> topic : topics) {
            serializers.put(topic.name(), (Serializer<SpecificRecord>) serdes.valueSerializer(topic));
            contracts.put(topic.name(), topic.valueType());
        }
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord data) {
        return serializerFor(topic, data).serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, SpecificRecord data) {
        return serializerFor(topic, data).serialize(topic, headers, data);
    }

    private Serializer<SpecificRecord> serializerFor(String topic, SpecificRecord data) {
        Serializer<SpecificRecord> serializer = serializers.get(topic);
        if (serializer == null) {
            throw new SerializationException("A record for " + topic + ", which this client does not write (it writes "
                    + serializers.keySet() + ")");
        }
        Class<?> contract = contracts.get(topic);
        if (data != null && !contract.isInstance(data)) {
            throw new SerializationException("A " + data.getClass().getSimpleName() + " record for " + topic + ", where "
                    + contract.getSimpleName() + " records belong");
        }
        return serializer;
    }

    @Override
    public void close() {
        serializers.values().forEach(Serializer::close);
    }
}
