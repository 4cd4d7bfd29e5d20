package com.zmart.connect.transforms;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Fails a record whose key ({@link Key}) or value ({@link Value}) is not of the named schema, so that a sink is only
 * ever handed the contract it was configured for.
 *
 * <p>A converter accepts any record its registry knows: a record of another contract, written to the sink's topic by
 * mistake, arrives as a well-formed struct of the wrong shape, and would fail later in the sink's {@code put}, where
 * Connect's {@code errors.tolerance} does not apply and the task stops. Failing it here, in the transform chain, lets
 * {@code errors.tolerance=all} with {@code errors.deadletterqueue.topic.name} route it to the dead-letter topic, with
 * this exception in the {@code __connect.errors.*} headers, while the sink goes on.
 *
 * <p>A null key or value (a tombstone) passes: it carries no contract, and what it means is the sink's own setting
 * (e.g. the JDBC sink's {@code delete.enabled}).
 */
public abstract class RequireSchema<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Fails a record whose key or value schema does not have the configured "
            + "name, so that with errors.tolerance=all it goes to the dead-letter queue instead of reaching the sink. "
            + "Null keys and values pass. Use <code>" + RequireSchema.Key.class.getName() + "</code> or <code>"
            + RequireSchema.Value.class.getName() + "</code>.";

    public static final String NAME_CONFIG = "schema.name";

    private static final ConfigDef.Validator NAMES_VALIDATOR = ConfigDef.LambdaValidator.with(
            (name, value) -> {
                if (!(value instanceof List<?> names) || names.isEmpty()
                        || names.stream().anyMatch(n -> n == null || n.toString().isBlank())) {
                    throw new ConfigException(name, value, "must be one or more schema names, none empty");
                }
            },
            () -> "one or more schema names, comma-separated");

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(NAME_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, NAMES_VALIDATOR, Importance.HIGH,
                    "Full name of the schema a record must have (for Avro, the record's namespace and name, e.g. "
                            + "com.zmart.events.SalesTrend); several names may be given, comma-separated.");

    private static final String VERSION = PluginVersion.of(RequireSchema.class);

    private Set<String> names;
    private String expected;

    @Override
    public void configure(Map<String, ?> props) {
        // doLog=false: the worker already logs the connector config once.
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, props, false);
        names = Set.copyOf(config.getList(NAME_CONFIG));
        expected = String.join(" or ", names.stream().sorted().map(n -> "'" + n + "'").toList());
    }

    @Override
    public R apply(R record) {
        if (operatingValue(record) == null) {
            return record;
        }
        Schema schema = operatingSchema(record);
        String found = schema == null ? null : schema.name();
        if (found == null || !names.contains(found)) {
            // Names only, never the record's content: the record may hold anything, card numbers included.
            throw new DataException("RequireSchema: the record " + side() + " has " + describe(schema)
                    + " where this connector takes " + expected + " (topic " + record.topic() + ", partition "
                    + record.kafkaPartition() + ")");
        }
        return record;
    }

    private static String describe(Schema schema) {
        if (schema == null) {
            return "no schema";
        }
        return schema.name() == null ? "an unnamed " + schema.type() + " schema" : "schema '" + schema.name() + "'";
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

    /** "key" or "value", for error messages. */
    protected abstract String side();

    /** Checks the record key's schema. */
    public static class Key<R extends ConnectRecord<R>> extends RequireSchema<R> {

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected String side() {
            return "key";
        }
    }

    /** Checks the record value's schema. */
    public static class Value<R extends ConnectRecord<R>> extends RequireSchema<R> {

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected String side() {
            return "value";
        }
    }
}
