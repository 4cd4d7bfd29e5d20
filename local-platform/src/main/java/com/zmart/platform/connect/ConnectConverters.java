package com.zmart.platform.connect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Worker-wide converters: String keys, and Avro values through Apicurio's Connect converter, configured so that
 * records are in the Confluent wire format (magic byte 0, 4-byte content id, no id headers) with the id the
 * registry's Confluent-compatible API serves, and so that Connect never registers a schema on its own: it uses
 * the latest version the platform registered from {@code schemas/} (see docs/adr/0001).
 */
public final class ConnectConverters {

    public static final String AVRO_CONVERTER = "io.apicurio.registry.utils.converter.AvroConverter";

    private ConnectConverters() {
    }

    /** Converter settings for the worker configuration (prefixed {@code key.converter.} / {@code value.converter.}). */
    public static Map<String, String> workerDefaults(String registryV2Url) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", AVRO_CONVERTER);
        avroConverter(registryV2Url).forEach((k, v) -> config.put("value.converter." + k, v));
        return config;
    }

    /** Settings of the Avro converter itself, unprefixed. */
    public static Map<String, String> avroConverter(String registryV2Url) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("apicurio.registry.url", registryV2Url);
        // The Confluent framing's id handler, named directly: "as-confluent=true" sets the same handler but over the
        // default one, and the 2.x serdes warn of a "Duplicate id-handler configuration" for every converter.
        config.put("apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler");
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.headers.enabled", "false");
        config.put("apicurio.registry.auto-register", "false");
        config.put("apicurio.registry.find-latest", "true");
        return config;
    }
}
