package com.zmart.streams.topic;

import java.util.function.UnaryOperator;

import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.TopicSpec;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The catalog's topics as a topology reads and writes them: a topic's name and its serdes come from one
 * {@link TopicSpec}, and its types are the stream's, so a topology cannot read a topic with another topic's serde or
 * write a stream to a topic of another contract. Kafka Streams types stay here, out of the contracts library that the
 * services without Streams and the Connect plugins use.
 */
public final class StreamsTopics {

    private final TopicSerdes serdes;

    public StreamsTopics(TopicSerdes serdes) {
        this.serdes = serdes;
    }

    /** The registry serdes services run with. */
    public static StreamsTopics registry(String registryApiUrl) {
        return new StreamsTopics(TopicSerdes.registry(registryApiUrl));
    }

    public TopicSerdes serdes() {
        return serdes;
    }

    public <K, V> Consumed<K, V> consumed(TopicSpec<K, V> topic) {
        return Consumed.with(serdes.keySerde(topic), serdes.valueSerde(topic));
    }

    public <K, V> Produced<K, V> produced(TopicSpec<K, V> topic) {
        return Produced.with(serdes.keySerde(topic), serdes.valueSerde(topic));
    }

    /** The topic as a stream; {@code options} names the source and sets e.g. its timestamp extractor. */
    public <K, V> KStream<K, V> stream(StreamsBuilder builder, TopicSpec<K, V> topic,
                                       UnaryOperator<Consumed<K, V>> options) {
        return builder.stream(topic.name(), options.apply(consumed(topic)));
    }

    /** The topic as a global table materialized in the key-value store {@code storeName}. */
    public <K, V> GlobalKTable<K, V> globalTable(StreamsBuilder builder, TopicSpec<K, V> topic,
                                                 UnaryOperator<Consumed<K, V>> options, String storeName) {
        return builder.globalTable(topic.name(), options.apply(consumed(topic)),
                Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(storeName)
                        .withKeySerde(serdes.keySerde(topic)).withValueSerde(serdes.valueSerde(topic)));
    }

    /** Writes {@code stream} to the topic through a sink named {@code sinkName}. */
    public <K, V> void to(KStream<K, V> stream, TopicSpec<K, V> topic, String sinkName) {
        stream.to(topic.name(), produced(topic).withName(sinkName));
    }
}
