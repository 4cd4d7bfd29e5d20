package com.zmart.contracts.serde;

import java.util.Collection;

import com.zmart.contracts.topic.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serdes of the catalog's topics, taken from a {@link TopicSpec}: its key and value types decide the serde, so a
 * client cannot read or write a topic with another topic's serde. {@link #registry(String)} is what services run with;
 * tests of a topology use a registry-free implementation (streams-support's test jar).
 *
 * <p>Kafka Streams takes a topic's {@link #valueSerde}, shared by the topology's reads and writes of the topic. A plain
 * producer or consumer (spring-kafka's factories, tests) takes a {@link #valueSerializer} or {@link #valueDeserializer}
 * of its own: the client closes it on close, and with it the serializer's registry client.
 */
public interface TopicSerdes {

    /** The registry serdes, against {@code registryApiUrl} ({@code .../apis/registry/v3}), as ADR 0001 configures. */
    static TopicSerdes registry(String registryApiUrl) {
        return new RegistryTopicSerdes(registryApiUrl);
    }

    /**
     * Serde of an Avro contract's values. It deserializes only records of that contract: a record of another one fails
     * deserialization and reaches the dead-letter handling ({@link ContractSerde}).
     */
    <T extends SpecificRecord> Serde<T> avroSerde(Class<T> contract);

    /** Serde of the topic's keys: Kafka's serde of the key type. */
    default <K> Serde<K> keySerde(TopicSpec<K, ?> topic) {
        return Serdes.serdeFrom(topic.keyType());
    }

    /** Serde of the topic's values: {@link #avroSerde} for a contract, Kafka's serde of the type for raw values. */
    default <V> Serde<V> valueSerde(TopicSpec<?, V> topic) {
        return newValueSerde(topic);
    }

    default <K> Serializer<K> keySerializer(TopicSpec<K, ?> topic) {
        return keySerde(topic).serializer();
    }

    default <K> Deserializer<K> keyDeserializer(TopicSpec<K, ?> topic) {
        return keySerde(topic).deserializer();
    }

    /** A new serializer of the topic's values, for one client, which closes it. */
    default <V> Serializer<V> valueSerializer(TopicSpec<?, V> topic) {
        return newValueSerde(topic).serializer();
    }

    /** A new deserializer of the topic's values, for one client, which closes it; it reads only the topic's contract. */
    default <V> Deserializer<V> valueDeserializer(TopicSpec<?, V> topic) {
        return newValueSerde(topic).deserializer();
    }

    /**
     * One value serializer for a client that writes several Avro topics through one producer (inventory's outbox relay,
     * its dead letters in their source topic's contract): each record goes through its topic's serializer, and a record
     * for a topic not among {@code topics}, or not of its topic's contract, fails serialization.
     */
    default Serializer<SpecificRecord> valueSerializer(Collection<? extends TopicSpec<?, ? extends SpecificRecord>> topics) {
        return new TopicsValueSerializer(this, topics);
    }

    @SuppressWarnings("unchecked")
    private <V> Serde<V> newValueSerde(TopicSpec<?, V> topic) {
        return topic.hasAvroValue() ? (Serde<V>) avroSerde(topic.valueType().asSubclass(SpecificRecord.class))
                : Serdes.serdeFrom(topic.valueType());
    }
}
