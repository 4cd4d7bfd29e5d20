package com.zmart.connect.transforms;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.DecimalFormat;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Replaces top-level fields of the record value (e.g. an array of structs) by their JSON text, in a string schema
 * named {@value #JSON_SCHEMA_NAME}: the name by which Debezium's JDBC sink binds a string as {@code json} (PostgreSQL
 * casts it into a {@code jsonb} column). The JDBC sink maps only arrays of primitives, and Kafka's own transforms
 * cannot turn an array of structs into text ({@code Cast} refuses arrays); this keeps such a field with its row.
 *
 * <p>The JSON is Connect's {@code JsonConverter} without schemas: struct fields become object members by name,
 * decimals are JSON numbers ({@code decimal.format=NUMERIC}), a null field stays null. Only {@link Value} exists: keys
 * are what sinks upsert by, never a document.
 */
public abstract class JsonAsText<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Replaces the named top-level fields of the value by their JSON text "
            + "(schema name " + JsonAsText.JSON_SCHEMA_NAME + "), e.g. so that a JDBC sink writes an array of structs "
            + "into a json column. Use <code>" + JsonAsText.Value.class.getName() + "</code>.";

    public static final String FIELDS_CONFIG = "fields";
    /** What Debezium's JDBC sink (and its sources) call a string holding JSON. */
    public static final String JSON_SCHEMA_NAME = "io.debezium.data.Json";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.LambdaValidator.with(
                            (name, value) -> {
                                if (!(value instanceof List<?> fields) || fields.isEmpty()
                                        || fields.stream().anyMatch(f -> f == null || f.toString().isBlank())
                                        || fields.stream().distinct().count() != fields.size()) {
                                    throw new ConfigException(name, value, "must be one or more distinct field names");
                                }
                            }, () -> "one or more field names, comma-separated"),
                    Importance.HIGH, "Top-level fields of the value to replace by their JSON text.");

    private static final String VERSION = PluginVersion.of(JsonAsText.class);

    private List<String> fields;
    private JsonConverter json;
    private Schema lastSchema;
    private Schema lastUpdated;

    @Override
    public void configure(Map<String, ?> props) {
        fields = List.copyOf(new AbstractConfig(CONFIG_DEF, props, false).getList(FIELDS_CONFIG));
        json = new JsonConverter();
        json.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false",
                JsonConverterConfig.DECIMAL_FORMAT_CONFIG, DecimalFormat.NUMERIC.name(),
                ConverterConfig.TYPE_CONFIG, ConverterType.VALUE.getName()));
    }

    @Override
    public R apply(R record) {
        if (record.value() == null) {
            return record; // a tombstone: what it means is the sink's own setting
        }
        if (!(record.value() instanceof Struct value) || record.valueSchema() == null) {
            throw new DataException("JsonAsText: the record value is not a struct with a schema (topic "
                    + record.topic() + ")");
        }
        Schema updated = updatedSchema(record.valueSchema());
        Struct out = new Struct(updated);
        for (Field field : record.valueSchema().fields()) {
            Object fieldValue = value.get(field);
            out.put(field.name(), fields.contains(field.name()) && fieldValue != null
                    ? new String(json.fromConnectData(record.topic(), field.schema(), fieldValue), StandardCharsets.UTF_8)
                    : fieldValue);
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), updated, out,
                record.timestamp());
    }

    /** The value's schema with the fields as JSON strings; records of one topic share a schema, so the last is kept. */
    private Schema updatedSchema(Schema schema) {
        if (schema.equals(lastSchema)) {
            return lastUpdated;
        }
        for (String name : fields) {
            if (schema.field(name) == null) {
                // A field that silently disappeared upstream must not leave its column empty unnoticed.
                throw new DataException("JsonAsText: the value schema " + schema.name() + " has no field '" + name + "'");
            }
        }
        SchemaBuilder builder = SchemaBuilder.struct().name(schema.name()).version(schema.version()).doc(schema.doc());
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        if (schema.isOptional()) {
            builder.optional();
        }
        for (Field field : schema.fields()) {
            if (fields.contains(field.name())) {
                SchemaBuilder text = SchemaBuilder.string().name(JSON_SCHEMA_NAME);
                builder.field(field.name(), field.schema().isOptional() ? text.optional().build() : text.build());
            } else {
                builder.field(field.name(), field.schema());
            }
        }
        lastSchema = schema;
        lastUpdated = builder.build();
        return lastUpdated;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
        if (json != null) {
            json.close();
        }
    }

    /** Replaces fields of the record value. */
    public static class Value<R extends ConnectRecord<R>> extends JsonAsText<R> {
    }
}
