package com.zmart.contracts.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zmart.contracts.topic.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Registry serdes of the catalog's topics: Avro values through the registry ({@link RegistrySerdes}), checked against
 * the topic's contract; raw values (dead letters) and keys with Kafka's serde of their type. One value serde per topic,
 * shared by every client of the topic: its registry client caches the schemas it resolved.
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
    public <T extends SpecificRecord> Serde<T> avroSerde(Class<T> contract) {
        return RegistrySerdes.valueSerde(registryApiUrl, contract);
    }
}
