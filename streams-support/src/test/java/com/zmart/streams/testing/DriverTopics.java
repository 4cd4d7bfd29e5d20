package com.zmart.streams.testing;

import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.streams.topic.StreamsTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The catalog's serdes for a {@link TopologyTestDriver}, which has no registry: Avro values in single-object encoding
 * ({@link InternalAvroSerde}, which reads only its own contract), keys and raw values with Kafka's serde of their
 * type. A test builds the topology with {@link #streamsTopics()} and pipes through {@link #input} and {@link #output},
 * so both sides use the same serde of each topic.
 */
public final class DriverTopics implements TopicSerdes {

    @Override
    public <T extends SpecificRecord> Serde<T> avroSerde(Class<T> contract) {
        return new InternalAvroSerde<>(contract);
    }

    public StreamsTopics streamsTopics() {
        return new StreamsTopics(this);
    }

    public <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, TopicSpec<K, V> topic) {
        return driver.createInputTopic(topic.name(), keySerializer(topic), valueSerializer(topic));
    }

    public <K, V> TestOutputTopic<K, V> output(TopologyTestDriver driver, TopicSpec<K, V> topic) {
        return driver.createOutputTopic(topic.name(), keyDeserializer(topic), valueDeserializer(topic));
    }
}
