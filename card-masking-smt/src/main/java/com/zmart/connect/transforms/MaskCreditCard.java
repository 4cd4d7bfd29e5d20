package com.zmart.connect.transforms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
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
 * Masks a payment card number held in a field of the record key ({@link Key}) or value ({@link Value}), so that the
 * unmasked number never reaches the converter, Kafka or Connect's logs.
 *
 * <p>Only ASCII digits are replaced; separators (space, dash, dot) keep their place, so
 * {@code 4111 1111 1111 1111} becomes {@code xxxx xxxx xxxx 1111}. A value that does not look like a card number
 * (not 12 to 19 digits, or characters other than digits and separators) is masked completely: a malformed value may
 * still carry a card number, and passing it through would be a leak.
 *
 * <p>Failures are {@link DataException}s naming the field path and types, never the field's value. A non-string
 * card field fails rather than being converted: rewriting its type would change the record's schema, and a
 * numeric card column is a configuration mistake that should stop the connector, not be guessed around.
 */
public abstract class MaskCreditCard<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC = "Masks a payment card number in a string field: every digit but the "
            + "last <code>keep.last</code> is replaced by <code>mask.char</code>, separators (space, dash, "
            + "dot) keep their place. A value that is not a plausible card number (12 to 19 digits, only digits and "
            + "separators) is masked completely. Use the concrete transformation type for the record key ("
            + "<code>" + MaskCreditCard.Key.class.getName() + "</code>) or value (<code>"
            + MaskCreditCard.Value.class.getName() + "</code>).";

    public static final String FIELD_CONFIG = "field";
    public static final String KEEP_LAST_CONFIG = "keep.last";
    public static final String MASK_CHAR_CONFIG = "mask.char";

    /** Never keep more than four digits: PCI DSS allows at most the last four to be displayed. */
    public static final int MAX_KEEP_LAST = 4;
    static final int MIN_CARD_DIGITS = 12;
    static final int MAX_CARD_DIGITS = 19;

    private static final ConfigDef.Validator FIELD_PATHS_VALIDATOR = ConfigDef.LambdaValidator.with(
            (name, value) -> parsePaths(name, value),
            () -> "one or more dot-separated field paths, comma-separated, no empty segments, no duplicates");

    private static final ConfigDef.Validator MASK_CHAR_VALIDATOR = ConfigDef.LambdaValidator.with(
            (name, value) -> {
                // A digit as mask would put digits back into the output (and could even form a valid number).
                if (!(value instanceof String s) || s.length() != 1
                        || Character.isDigit(s.charAt(0)) || Character.isSurrogate(s.charAt(0))) {
                    throw new ConfigException(name, value, "must be exactly one character that is not a digit");
                }
            },
            () -> "exactly one character, not a digit");

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FIELD_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, FIELD_PATHS_VALIDATOR, Importance.HIGH,
                    "Path of the string field that holds the card number, dot-separated for nested fields "
                            + "(e.g. payment.card.number). Several paths may be given, comma-separated (e.g. "
                            + "before.card_number,after.card_number for a Debezium envelope). A path that does not "
                            + "exist in a record fails the record; a null parent (e.g. 'before' on an insert) is "
                            + "left as it is.")
            .define(KEEP_LAST_CONFIG, Type.INT, MAX_KEEP_LAST, Range.between(0, MAX_KEEP_LAST), Importance.MEDIUM,
                    "Number of trailing digits left visible, 0 to " + MAX_KEEP_LAST + ". Implausible values are "
                            + "always masked completely.")
            .define(MASK_CHAR_CONFIG, Type.STRING, "x", MASK_CHAR_VALIDATOR, Importance.LOW,
                    "The character that replaces each masked digit; exactly one character, not a digit.");

    private static final String VERSION = PluginVersion.of(MaskCreditCard.class);

    private List<List<String>> paths;
    private int keepLast;
    private char maskChar;

    @Override
    public void configure(Map<String, ?> props) {
        // doLog=false: the worker already logs the connector config once.
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, props, false);
        paths = parsePaths(FIELD_CONFIG, config.getList(FIELD_CONFIG));
        keepLast = config.getInt(KEEP_LAST_CONFIG);
        maskChar = config.getString(MASK_CHAR_CONFIG).charAt(0);
    }

    @Override
    public R apply(R record) {
        Object original = operatingValue(record);
        if (original == null) {
            return record; // tombstone (or null key): nothing to mask
        }
        if (!(original instanceof Struct) && !(original instanceof Map)) {
            throw new DataException("MaskCreditCard expects a Struct or a Map as the record " + side()
                    + ", found " + original.getClass().getName());
        }
        Object masked = original;
        for (List<String> path : paths) {
            masked = masked instanceof Struct struct ? maskStruct(struct, path, 0) : maskMap((Map<?, ?>) masked, path, 0);
        }
        return newRecord(record, masked);
    }

    /** Copies the Structs along the path (Structs are shared with the caller), replacing the card field. */
    private Struct maskStruct(Struct struct, List<String> path, int depth) {
        String name = path.get(depth);
        Field field = struct.schema().field(name);
        if (field == null) {
            throw new DataException("MaskCreditCard: field path '" + String.join(".", path) + "' not found in the "
                    + "record " + side() + ": its schema has no field '" + name + "'" + at(path, depth));
        }
        Schema.Type type = field.schema().type();
        Object child = struct.get(field);
        Object maskedChild;
        if (depth == path.size() - 1) {
            if (type != Schema.Type.STRING) {
                throw notAString(path, type.toString());
            }
            maskedChild = mask((String) child, keepLast, maskChar);
        } else {
            if (type != Schema.Type.STRUCT) {
                throw notAContainer(path, depth, type.toString());
            }
            if (child == null) {
                return struct; // optional parent absent: there is no card number under it
            }
            maskedChild = maskStruct((Struct) child, path, depth + 1);
        }
        Struct copy = new Struct(struct.schema());
        for (Field f : struct.schema().fields()) {
            copy.put(f, f.name().equals(name) ? maskedChild : struct.get(f));
        }
        return copy;
    }

    /** Copies the maps along the path (never mutates the caller's map), replacing the card entry. */
    private Map<?, ?> maskMap(Map<?, ?> map, List<String> path, int depth) {
        String name = path.get(depth);
        if (!map.containsKey(name)) {
            // Schemaless data has no contract saying the card is elsewhere; a silently absent field is a leak risk.
            throw new DataException("MaskCreditCard: field path '" + String.join(".", path) + "' not found in the "
                    + "record " + side() + ": no key '" + name + "'" + at(path, depth));
        }
        Object child = map.get(name);
        Object maskedChild;
        if (depth == path.size() - 1) {
            if (child != null && !(child instanceof String)) {
                throw notAString(path, child.getClass().getName());
            }
            maskedChild = mask((String) child, keepLast, maskChar);
        } else {
            if (child == null) {
                return map; // explicit null parent: there is no card number under it
            }
            if (!(child instanceof Map<?, ?> childMap)) {
                throw notAContainer(path, depth, child.getClass().getName());
            }
            maskedChild = maskMap(childMap, path, depth + 1);
        }
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        copy.put(name, maskedChild);
        return copy;
    }

    private DataException notAString(List<String> path, String found) {
        return new DataException("MaskCreditCard: field '" + String.join(".", path) + "' in the record " + side()
                + " must be a string, found " + found + "; refusing to pass it on unmasked");
    }

    private DataException notAContainer(List<String> path, int depth, String found) {
        return new DataException("MaskCreditCard: field path '" + String.join(".", path) + "' in the record "
                + side() + ": '" + String.join(".", path.subList(0, depth + 1)) + "' must be a struct or map, found "
                + found);
    }

    private static String at(List<String> path, int depth) {
        return depth == 0 ? "" : " (in '" + String.join(".", path.subList(0, depth)) + "')";
    }

    /**
     * Masks one value. Plausible card numbers (12..19 ASCII digits, only separators besides) keep their last
     * {@code keepLast} digits; anything else has every non-separator character replaced. Null stays null.
     */
    static String mask(String value, int keepLast, char maskChar) {
        if (value == null) {
            return null;
        }
        int digits = 0;
        boolean onlyDigitsAndSeparators = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isAsciiDigit(c)) {
                digits++;
            } else if (!isSeparator(c)) {
                onlyDigitsAndSeparators = false;
            }
        }
        boolean plausible = onlyDigitsAndSeparators && digits >= MIN_CARD_DIGITS && digits <= MAX_CARD_DIGITS;
        int firstKept = plausible ? digits - keepLast : Integer.MAX_VALUE;

        StringBuilder out = new StringBuilder(value.length());
        int digitIndex = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isSeparator(c)) {
                out.append(c);
            } else if (isAsciiDigit(c)) {
                out.append(digitIndex >= firstKept ? c : maskChar);
                digitIndex++;
            } else {
                out.append(maskChar);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9'; // Character.isDigit would also accept e.g. Arabic-Indic digits
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.';
    }

    private static List<List<String>> parsePaths(String name, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new ConfigException(name, value, "at least one field path is required");
        }
        List<List<String>> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object entry : list) {
            String text = String.valueOf(entry).trim();
            List<String> segments = List.of(text.split("\\.", -1));
            if (text.isEmpty() || segments.stream().anyMatch(s -> s.trim().isEmpty())) {
                throw new ConfigException(name, value, "'" + text + "' is not a dot-separated field path");
            }
            // Masking the same field twice would mask the kept digits too (the first pass made it implausible).
            if (!seen.add(text)) {
                throw new ConfigException(name, value, "'" + text + "' is listed twice");
            }
            paths.add(segments);
        }
        return List.copyOf(paths);
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

    protected abstract R newRecord(R record, Object updatedValue);

    /** "key" or "value", for error messages. */
    protected abstract String side();

    /** Masks a field of the record key. */
    public static class Key<R extends ConnectRecord<R>> extends MaskCreditCard<R> {

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Object updatedValue) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), updatedValue,
                    record.valueSchema(), record.value(), record.timestamp());
        }

        @Override
        protected String side() {
            return "key";
        }
    }

    /** Masks a field of the record value. */
    public static class Value<R extends ConnectRecord<R>> extends MaskCreditCard<R> {

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Object updatedValue) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    record.valueSchema(), updatedValue, record.timestamp());
        }

        @Override
        protected String side() {
            return "value";
        }
    }
}
