package com.zmart.connect.transforms;

import java.util.ArrayList;
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
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Makes the record key the first of the named fields that is not null, read from the record value ({@link Value}) or
 * key ({@link Key}), with that field's schema as the key schema. With {@code fields=loyaltyMemberId,transactionId} a
 * sale is keyed by its member, or by its transaction when it has none.
 *
 * <p>Kafka's {@code ExtractField} takes one field: a null in it would give a null key, which the producer spreads over
 * partitions at random. Here a record whose named fields are all null fails instead, as does a named field missing
 * from the schema (a column renamed upstream must not silently change every key) or one that is a struct, array or
 * map (not a key a partitioner and every consumer agree on). Failures are {@link DataException}s naming the fields,
 * never the record's values.
 *
 * <p>Records need a schema (a {@link Struct}); schemaless maps are refused. A null value (a tombstone) passes
 * unchanged through {@link Value}: it has no fields to read. The topic, partition, value, timestamp and headers are
 * kept.
 */
public abstract class FirstPresentFieldAsKey<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Replaces the record key by the first of the named fields that is not "
            + "null, with that field's schema as the key schema; fails the record if every named field is null. Use "
            + "<code>" + FirstPresentFieldAsKey.Value.class.getName() + "</code> to read the fields from the value "
            + "or <code>" + FirstPresentFieldAsKey.Key.class.getName() + "</code> to read them from the key.";

    public static final String FIELDS_CONFIG = "fields";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELDS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.LambdaValidator.with(
                            (name, value) -> {
                                if (!(value instanceof List<?> fields) || fields.isEmpty()
                                        || fields.stream().anyMatch(f -> f == null || f.toString().isBlank())
                                        || fields.stream().distinct().count() != fields.size()) {
                                    throw new ConfigException(name, value, "must be one or more distinct field names");
                                }
                            }, () -> "one or more field names, comma-separated, in order of preference"),
                    Importance.HIGH, "Top-level fields, in order of preference: the new key is the first that is "
                            + "not null. Each must exist in the schema and hold a primitive (e.g. a string).");

    private static final String VERSION = PluginVersion.of(FirstPresentFieldAsKey.class);

    private List<String> fields;
    private String listed;
    private Schema lastSchema;
    private List<Field> lastFields;

    @Override
    public void configure(Map<String, ?> props) {
        // doLog=false: the worker already logs the connector config once.
        fields = List.copyOf(new AbstractConfig(CONFIG_DEF, props, false).getList(FIELDS_CONFIG));
        listed = String.join(", ", fields);
    }

    @Override
    public R apply(R record) {
        Object container = operatingValue(record);
        if (container == null) {
            if (passesWhenNull()) {
                return record; // a tombstone: nothing to read a key from, and what it means is the consumer's
            }
            throw new DataException("FirstPresentFieldAsKey: the record " + side() + " is null, so none of the "
                    + "fields " + listed + " can be read (topic " + record.topic() + ")");
        }
        Schema schema = operatingSchema(record);
        if (!(container instanceof Struct struct) || schema == null) {
            throw new DataException("FirstPresentFieldAsKey: the record " + side() + " is not a struct with a schema "
                    + "(topic " + record.topic() + "); schemaless records are not supported");
        }
        for (Field field : fieldsOf(schema)) {
            Object key = struct.get(field);
            if (key != null) {
                return record.newRecord(record.topic(), record.kafkaPartition(), field.schema(), key,
                        record.valueSchema(), record.value(), record.timestamp());
            }
        }
        // Names only, never the record's content.
        throw new DataException("FirstPresentFieldAsKey: the fields " + listed + " are all null in the record "
                + side() + ", so it has no key (topic " + record.topic() + ", partition " + record.kafkaPartition()
                + ")");
    }

    /** The named fields of the schema, checked; records of one topic share a schema, so the last is kept. */
    private List<Field> fieldsOf(Schema schema) {
        if (schema.equals(lastSchema)) {
            return lastFields;
        }
        List<Field> found = new ArrayList<>(fields.size());
        for (String name : fields) {
            Field field = schema.field(name);
            if (field == null) {
                throw new DataException("FirstPresentFieldAsKey: the record " + side() + " schema " + schema.name()
                        + " has no field '" + name + "' (fields: " + listed + ")");
            }
            Schema.Type type = field.schema().type();
            if (type == Schema.Type.STRUCT || type == Schema.Type.ARRAY || type == Schema.Type.MAP) {
                throw new DataException("FirstPresentFieldAsKey: field '" + name + "' of the record " + side()
                        + " is a " + type + "; a key must be a primitive such as a string (fields: " + listed + ")");
            }
            found.add(field);
        }
        lastSchema = schema;
        lastFields = List.copyOf(found);
        return lastFields;
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
    }

    protected abstract Object operatingValue(R record);

    protected abstract Schema operatingSchema(R record);

    /** Whether a record whose key or value is null passes unchanged. */
    protected abstract boolean passesWhenNull();

    /** "key" or "value", for error messages. */
    protected abstract String side();

    /** Reads the fields from the record key (e.g. a table's primary key struct). */
    public static class Key<R extends ConnectRecord<R>> extends FirstPresentFieldAsKey<R> {

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected boolean passesWhenNull() {
            return false; // a null key has no fields, and passing it on would scatter the records
        }

        @Override
        protected String side() {
            return "key";
        }
    }

    /** Reads the fields from the record value; a tombstone passes. */
    public static class Value<R extends ConnectRecord<R>> extends FirstPresentFieldAsKey<R> {

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected boolean passesWhenNull() {
            return true;
        }

        @Override
        protected String side() {
            return "value";
        }
    }
}
