package com.zmart.contracts.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zmart.contracts.topic.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Registry serdes of the catalog's topics: Avro values through the registry ({@link RegistrySerdes}), checked against
 * the topic's contract; raw values (dead letters) and keys with Kafka's serde of their type. One value serde per topic,
 * shared by the topologies of the instance: its registry client caches the schemas it resolved. A client's own
 * serializer or deserializer is built alone, without the other half's registry client, which nobody would close.
 */
final class RegistryTopicSerdes implements TopicSerdes {

    private final String registryApiUrl;
    private final Map<String, Serde<?>> valueSerdes = new ConcurrentHashMap<>();

    RegistryTopicSerdes(String registryApiUrl) {
        this.registryApiUrl = registryApiUrl;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Serde<V> valueSerde(TopicSpec<?, V> topic) {
        return (Serde<V>) valueSerdes.computeIfAbsent(topic.name(), name -> TopicSerdes.super.valueSerde(topic));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Serializer<V> valueSerializer(TopicSpec<?, V> topic) {
        if (!topic.hasAvroValue()) {
            return TopicSerdes.super.valueSerializer(topic);
        }
        return (Serializer<V>) (Serializer<?>) RegistrySerdes.valueSerializer(registryApiUrl);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Deserializer<V> valueDeserializer(TopicSpec<?, V> topic) {
        if (!topic.hasAvroValue()) {
            return TopicSerdes.super.valueDeserializer(topic);
        }
        Deserializer<Object> anyContract =
                (Deserializer<Object>) (Deserializer<?>) RegistrySerdes.valueDeserializer(registryApiUrl);
        return ContractSerde.checking(anyContract, topic.valueType());
    }

    @Override
    public <T extends SpecificRecord> Serde<T> avroSerde(Class<T> contract) {
        return RegistrySerdes.valueSerde(registryApiUrl, contract);
    }
}
