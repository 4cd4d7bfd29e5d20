package com.zmart.contracts.serde;

import java.util.HashMap;
import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * How every service (de)serializes Avro values: Apicurio serdes against {@code /apis/registry/v3}, writing the
 * Confluent wire format (magic byte 0 + 4-byte content id, no id headers), so any Confluent-ecosystem client
 * pointed at the registry's {@code /apis/ccompat/v7} reads our topics.
 *
 * <p>Producers never register schemas: the platform (or the compose init step) registers each contract from
 * {@code schemas/} exactly as the generated class carries it, and a serializer finds its class's schema by
 * content. So a producer always writes with the version it was compiled against, even after a newer version
 * is registered, and a contract that was never registered fails at the first send instead of sneaking in.
 *
 * <p>Clients take these serdes from {@link TopicSerdes}, by topic.
 */
final class RegistrySerdes {

    /** Path of Apicurio's own API on a registry server, which the serdes use. */
    static final String API_V3_PATH = "/apis/registry/v3";

    private RegistrySerdes() {
    }

    /** Value serializer settings; {@code registryApiUrl} ends in {@value #API_V3_PATH}. */
    static Map<String, Object> serializerConfig(String registryApiUrl) {
        Map<String, Object> config = common(registryApiUrl);
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, false);
        config.put(SerdeConfig.FIND_LATEST_ARTIFACT, false);
        // Look the schema up whole: by default the serializer splits nested named types (enums, records) into
        // references, and that text matches no contract as registered.
        config.put(SerdeConfig.DEREFERENCE_SCHEMA, true);
        return config;
    }

    /** Value deserializer settings: records come back as the generated classes. */
    static Map<String, Object> deserializerConfig(String registryApiUrl) {
        Map<String, Object> config = common(registryApiUrl);
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    /** Serializer and deserializer settings together, e.g. for a Kafka Streams serde. */
    static Map<String, Object> serdeConfig(String registryApiUrl) {
        Map<String, Object> config = serializerConfig(registryApiUrl);
        config.putAll(deserializerConfig(registryApiUrl));
        return config;
    }

    /** A configured value serde for Kafka Streams. */
    static <T extends SpecificRecord> Serde<T> valueSerde(String registryApiUrl) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(serdeConfig(registryApiUrl), false);
        return serde;
    }

    /**
     * A configured value serde for Kafka Streams that reads only records of {@code contract}: use it for the topics a
     * topology reads, so a record of another contract fails deserialization (and reaches the dead-letter topic).
     */
    static <T extends SpecificRecord> Serde<T> valueSerde(String registryApiUrl, Class<T> contract) {
        return new ContractSerde<>(valueSerde(registryApiUrl), contract);
    }

    static <T extends SpecificRecord> AvroKafkaSerializer<T> valueSerializer(String registryApiUrl) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(serializerConfig(registryApiUrl), false);
        return serializer;
    }

    static <T extends SpecificRecord> AvroKafkaDeserializer<T> valueDeserializer(String registryApiUrl) {
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(deserializerConfig(registryApiUrl), false);
        return deserializer;
    }

    private static Map<String, Object> common(String registryApiUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registryApiUrl);
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(KafkaSerdeConfig.ENABLE_HEADERS, false);
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SchemaCachingDatumProvider.class.getName());
        return config;
    }
}
