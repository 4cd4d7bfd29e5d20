package com.zmart.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskCreditCardTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String CARD_MASKED = "xxxx xxxx xxxx 1111";
    /** A card whose digit groups are all distinct, so a leak of any group is visible in a message. */
    private static final String SECRET_CARD = "5500 1234 5678 9017";

    private static final Schema CARD_SCHEMA = SchemaBuilder.struct().name("card")
            .field("number", Schema.OPTIONAL_STRING_SCHEMA)
            .field("holder", Schema.STRING_SCHEMA)
            .build();
    private static final Schema SALE_SCHEMA = SchemaBuilder.struct().name("sale")
            .field("id", Schema.INT64_SCHEMA)
            .field("card_number", Schema.OPTIONAL_STRING_SCHEMA)
            .field("payment", SchemaBuilder.struct().name("payment_opt")
                    .field("card", CARD_SCHEMA)
                    .field("amount", Schema.INT64_SCHEMA)
                    .optional().build())
            .build();

    private MaskCreditCard<SourceRecord> smt;

    @AfterEach
    void close() {
        if (smt != null) {
            smt.close();
        }
    }

    private MaskCreditCard<SourceRecord> value(Map<String, ?> props) {
        smt = new MaskCreditCard.Value<>();
        smt.configure(props);
        return smt;
    }

    private MaskCreditCard<SourceRecord> value(String field) {
        return value(Map.of(MaskCreditCard.FIELD_CONFIG, field));
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "zmart.sales", 0, Schema.STRING_SCHEMA, "key-a", schema, value);
    }

    private static Struct sale(String cardNumber) {
        return new Struct(SALE_SCHEMA).put("id", 42L).put("card_number", cardNumber);
    }

    private static Struct nestedSale(String cardNumber) {
        Struct card = new Struct(CARD_SCHEMA).put("number", cardNumber).put("holder", "Ada Lovelace");
        Struct payment = new Struct(SALE_SCHEMA.field("payment").schema()).put("card", card).put("amount", 1999L);
        return new Struct(SALE_SCHEMA).put("id", 42L).put("card_number", "n/a").put("payment", payment);
    }

    private String maskTopLevelStruct(String cardNumber) {
        Struct out = (Struct) smt.apply(record(SALE_SCHEMA, sale(cardNumber))).value();
        return out.getString("card_number");
    }

    /** The message of the exception (and its causes) must not carry the card number or any group of it. */
    private static void assertNoCardDigits(Throwable thrown, String card) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertThat(message).doesNotContain(card).doesNotContain(card.replaceAll("\\D", ""));
            for (String group : card.split("\\D+")) {
                assertThat(message).doesNotContain(group);
            }
        }
    }

    @Nested
    class WithSchema {

        @Test
        void masksTopLevelStringFieldAndKeepsTheSchema() {
            value("card_number");
            Struct input = sale(CARD);
            SourceRecord in = record(SALE_SCHEMA, input);

            SourceRecord out = smt.apply(in);

            Struct masked = (Struct) out.value();
            assertThat(masked.getString("card_number")).isEqualTo(CARD_MASKED);
            assertThat(masked.getInt64("id")).isEqualTo(42L);
            assertThat(out.valueSchema()).isSameAs(SALE_SCHEMA);
            assertThat(masked.schema()).isSameAs(SALE_SCHEMA);
            assertThat(input.getString("card_number")).as("input Struct untouched").isEqualTo(CARD);
            assertThat(out.key()).isEqualTo("key-a");
            assertThat(out.topic()).isEqualTo("zmart.sales");
        }

        @Test
        void masksNestedFieldAndCopiesOnlyAlongThePath() {
            value("payment.card.number");
            Struct input = nestedSale(CARD);

            Struct out = (Struct) smt.apply(record(SALE_SCHEMA, input)).value();

            Struct card = out.getStruct("payment").getStruct("card");
            assertThat(card.getString("number")).isEqualTo(CARD_MASKED);
            assertThat(card.getString("holder")).isEqualTo("Ada Lovelace");
            assertThat(out.getStruct("payment").getInt64("amount")).isEqualTo(1999L);
            assertThat(out.getString("card_number")).isEqualTo("n/a");
            assertThat(out.getStruct("payment").schema()).isSameAs(SALE_SCHEMA.field("payment").schema());
            assertThat(card.schema()).isSameAs(CARD_SCHEMA);
            assertThat(input.getStruct("payment").getStruct("card").getString("number")).isEqualTo(CARD);
            out.validate();
        }

        @Test
        void leavesANullParentAlone() {
            value("payment.card.number");
            Struct input = sale(CARD); // payment is null

            Struct out = (Struct) smt.apply(record(SALE_SCHEMA, input)).value();

            assertThat(out.get("payment")).isNull();
        }

        @Test
        void masksSeveralFieldsOfADebeziumEnvelope() {
            Schema row = SchemaBuilder.struct().name("row").optional()
                    .field("id", Schema.INT32_SCHEMA).field("card_number", Schema.STRING_SCHEMA).build();
            Schema envelope = SchemaBuilder.struct().name("envelope")
                    .field("before", row).field("after", row).field("op", Schema.STRING_SCHEMA).build();
            value("before.card_number, after.card_number");

            Struct insert = new Struct(envelope).put("op", "c")
                    .put("after", new Struct(row).put("id", 1).put("card_number", CARD));
            Struct update = new Struct(envelope).put("op", "u")
                    .put("before", new Struct(row).put("id", 1).put("card_number", SECRET_CARD))
                    .put("after", new Struct(row).put("id", 1).put("card_number", CARD));

            Struct insertOut = (Struct) smt.apply(record(envelope, insert)).value();
            Struct updateOut = (Struct) smt.apply(record(envelope, update)).value();

            assertThat(insertOut.get("before")).isNull();
            assertThat(insertOut.getStruct("after").getString("card_number")).isEqualTo(CARD_MASKED);
            assertThat(updateOut.getStruct("before").getString("card_number")).isEqualTo("xxxx xxxx xxxx 9017");
            assertThat(updateOut.getStruct("after").getString("card_number")).isEqualTo(CARD_MASKED);
            assertThat(updateOut.getString("op")).isEqualTo("u");
        }

        @Test
        void nullStaysNullAndEmptyStaysEmpty() {
            value("card_number");
            assertThat(maskTopLevelStruct(null)).isNull();
            assertThat(maskTopLevelStruct("")).isEmpty();
        }

        @Test
        void missingTopLevelFieldFailsNamingThePath() {
            value("card_no");

            assertThatThrownBy(() -> smt.apply(record(SALE_SCHEMA, sale(SECRET_CARD))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'card_no'")
                    .satisfies(e -> assertNoCardDigits(e, SECRET_CARD));
        }

        @Test
        void missingNestedFieldFailsNamingThePath() {
            value("payment.card.pan");

            assertThatThrownBy(() -> smt.apply(record(SALE_SCHEMA, nestedSale(SECRET_CARD))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'payment.card.pan'")
                    .hasMessageContaining("'pan'")
                    .satisfies(e -> assertNoCardDigits(e, SECRET_CARD));
        }

        @Test
        void pathThroughANonStructFails() {
            value("card_number.inner");

            assertThatThrownBy(() -> smt.apply(record(SALE_SCHEMA, sale(SECRET_CARD))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'card_number.inner'")
                    .satisfies(e -> assertNoCardDigits(e, SECRET_CARD));
        }

        @Test
        void nonStringFieldFailsWithoutShowingTheValue() {
            Schema numeric = SchemaBuilder.struct().field("card_number", Schema.INT64_SCHEMA).build();
            value("card_number");

            assertThatThrownBy(() -> smt.apply(record(numeric, new Struct(numeric).put("card_number", 5500123456789017L))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'card_number'")
                    .hasMessageContaining("INT64")
                    .satisfies(e -> assertNoCardDigits(e, SECRET_CARD));
        }
    }

    @Nested
    class Schemaless {

        @Test
        void masksTopLevelEntryWithoutMutatingTheInput() {
            value("card_number");
            Map<String, Object> input = new HashMap<>(Map.of("id", 42L, "card_number", CARD));
            Map<String, Object> snapshot = Map.copyOf(input);

            SourceRecord out = smt.apply(record(null, input));

            assertThat(out.value()).isEqualTo(Map.of("id", 42L, "card_number", CARD_MASKED));
            assertThat(out.valueSchema()).isNull();
            assertThat(input).isEqualTo(snapshot);
        }

        @Test
        void masksNestedEntryWithoutMutatingTheInput() {
            value("payment.card.number");
            Map<String, Object> card = new HashMap<>(Map.of("number", CARD, "holder", "Ada Lovelace"));
            Map<String, Object> payment = new HashMap<>(Map.of("card", card, "amount", 1999L));
            Map<String, Object> input = new HashMap<>(Map.of("id", 42L, "payment", payment));

            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) smt.apply(record(null, input)).value();

            assertThat(out).extractingByKey("payment").extracting("card")
                    .isEqualTo(Map.of("number", CARD_MASKED, "holder", "Ada Lovelace"));
            assertThat(out).extractingByKey("payment").extracting("amount").isEqualTo(1999L);
            assertThat(out).containsEntry("id", 42L);
            assertThat(card).containsEntry("number", CARD);
            assertThat(payment).containsEntry("card", card);
            assertThat(input).containsEntry("payment", payment);
        }

        @Test
        void nullStaysNullAndEmptyStaysEmpty() {
            value("card_number");
            Map<String, Object> withNull = new HashMap<>();
            withNull.put("card_number", null);

            assertThat(smt.apply(record(null, withNull)).value()).isEqualTo(withNull);
            assertThat(smt.apply(record(null, Map.of("card_number", ""))).value()).isEqualTo(Map.of("card_number", ""));
        }

        @Test
        void leavesANullParentAlone() {
            value("payment.card.number");
            Map<String, Object> input = new HashMap<>();
            input.put("payment", null);

            assertThat(smt.apply(record(null, input)).value()).isEqualTo(input);
        }

        @Test
        void absentKeyFailsNamingThePath() {
            value("payment.card.number");
            Map<String, Object> input = Map.of("payment", Map.of("card", Map.of("pan", SECRET_CARD)));

            assertThatThrownBy(() -> smt.apply(record(null, input)))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'payment.card.number'")
                    .hasMessageContaining("'number'")
                    .satisfies(e -> assertNoCardDigits(e, SECRET_CARD));
        }

        @Test
        void nonStringValueFailsWithoutShowingTheValue() {
            value("card_number");

            assertThatThrownBy(() -> smt.apply(record(null, Map.of("card_number", 5500123456789017L))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'card_number'")
                    .hasMessageContaining("java.lang.Long")
                    .satisfies(e -> assertNoCardDigits(e, SECRET_CARD));
        }

        @Test
        void pathThroughANonMapFails() {
            value("card_number.inner");

            assertThatThrownBy(() -> smt.apply(record(null, Map.of("card_number", SECRET_CARD))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'card_number.inner'")
                    .satisfies(e -> assertNoCardDigits(e, SECRET_CARD));
        }
    }

    @Nested
    class Records {

        @Test
        void tombstonePassesThroughUnchanged() {
            value("card_number");
            SourceRecord tombstone = record(SALE_SCHEMA, null);

            assertThat(smt.apply(tombstone)).isSameAs(tombstone);
        }

        @Test
        void valueThatIsNeitherStructNorMapFailsWithoutShowingIt() {
            value("card_number");

            assertThatThrownBy(() -> smt.apply(record(Schema.STRING_SCHEMA, SECRET_CARD)))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("Struct or a Map")
                    .satisfies(e -> assertNoCardDigits(e, SECRET_CARD));
        }

        @Test
        void keyVariantMasksTheKeyAndLeavesTheValue() {
            smt = new MaskCreditCard.Key<>();
            smt.configure(Map.of("field", "card_number"));
            Schema keySchema = SchemaBuilder.struct().field("card_number", Schema.STRING_SCHEMA).build();
            Struct key = new Struct(keySchema).put("card_number", CARD);
            Struct value = sale(CARD);
            SourceRecord in = new SourceRecord(null, null, "zmart.sales", 0, keySchema, key, SALE_SCHEMA, value);

            SourceRecord out = smt.apply(in);

            assertThat(((Struct) out.key()).getString("card_number")).isEqualTo(CARD_MASKED);
            assertThat(out.keySchema()).isSameAs(keySchema);
            assertThat(out.value()).isSameAs(value);
            assertThat(key.getString("card_number")).isEqualTo(CARD);
        }

        @Test
        void keyVariantPassesANullKeyThrough() {
            smt = new MaskCreditCard.Key<>();
            smt.configure(Map.of("field", "card_number"));
            SourceRecord in = new SourceRecord(null, null, "zmart.sales", 0, null, null, SALE_SCHEMA, sale(CARD));

            assertThat(smt.apply(in)).isSameAs(in);
        }

        @Test
        void keepsTimestampPartitionAndHeaders() {
            value("card_number");
            SourceRecord in = new SourceRecord(Map.of("db", "pos"), Map.of("lsn", 7L), "zmart.sales", 3,
                    Schema.STRING_SCHEMA, "k", SALE_SCHEMA, sale(CARD), 1_700_000_000_000L);
            in.headers().addString("trace", "t-1");

            SourceRecord out = smt.apply(in);

            assertThat(out.kafkaPartition()).isEqualTo(3);
            assertThat(out.timestamp()).isEqualTo(1_700_000_000_000L);
            assertThat(out.sourcePartition()).isEqualTo(Map.of("db", "pos"));
            assertThat(out.sourceOffset()).isEqualTo(Map.of("lsn", 7L));
            assertThat(out.headers().lastWithName("trace").value()).isEqualTo("t-1");
        }
    }

    @Nested
    class Masking {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "4111 1111 1111 1111 | xxxx xxxx xxxx 1111",
                "4111-1111-1111-1111 | xxxx-xxxx-xxxx-1111",
                "4111.1111.1111.1111 | xxxx.xxxx.xxxx.1111",
                "4111111111111111    | xxxxxxxxxxxx1111",
                "4111-1111 1111.1111 | xxxx-xxxx xxxx.1111",
                "3782 822463 10005   | xxxx xxxxxx x0005",
                "411111111111        | xxxxxxxx1111",
                "4111111111111111111 | xxxxxxxxxxxxxxx1111",
        })
        void keepsTheSeparatorsLayout(String card, String expected) {
            value("card_number");
            assertThat(maskTopLevelStruct(card)).isEqualTo(expected);
        }

        @Test
        void keepsLeadingAndTrailingSeparators() {
            assertThat(MaskCreditCard.mask(" 4111 1111 1111 1111 ", 4, 'x')).isEqualTo(" xxxx xxxx xxxx 1111 ");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "0 | xxxx xxxx xxxx xxxx",
                "1 | xxxx xxxx xxxx xxx1",
                "2 | xxxx xxxx xxxx xx11",
                "3 | xxxx xxxx xxxx x111",
                "4 | xxxx xxxx xxxx 1111",
        })
        void keepsTheConfiguredNumberOfDigits(int keepLast, String expected) {
            value(Map.of("field", "card_number", "keep.last", String.valueOf(keepLast)));
            assertThat(maskTopLevelStruct(CARD)).isEqualTo(expected);
        }

        @Test
        void usesTheConfiguredMaskChar() {
            value(Map.of("field", "card_number", "mask.char", "*"));
            assertThat(maskTopLevelStruct(CARD)).isEqualTo("**** **** **** 1111");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "4111 1111 111",             // 11 digits: too short
                "41111111111111111111",      // 20 digits: too long
                "4111-1111-1111-111A",       // a letter
                "4111/1111/1111/1111",       // an unknown separator
                "card 4111 1111 1111 1111",  // text around the number
                "4111\t1111\t1111\t1111",    // tab is not a separator
                "١٢٣٤ ١٢٣٤ ١٢٣٤ ١٢٣٤",       // non-ASCII digits
                "1234",
                "abc",
        })
        void implausibleValuesAreMaskedCompletely(String input) {
            value("card_number");
            String masked = maskTopLevelStruct(input);

            assertThat(masked).hasSameSizeAs(input);
            for (int i = 0; i < input.length(); i++) {
                char c = input.charAt(i);
                assertThat(masked.charAt(i)).isEqualTo(c == ' ' || c == '-' || c == '.' ? c : 'x');
            }
            assertThat(masked.chars().anyMatch(Character::isDigit)).isFalse();
        }

        @Test
        void separatorsOnlyStayAsTheyAre() {
            assertThat(MaskCreditCard.mask(" - . ", 4, 'x')).isEqualTo(" - . ");
        }
    }

    @Nested
    class Configuration {

        private static Map<String, String> props(String keepLast, String maskChar) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("field", "card_number");
            if (keepLast != null) {
                props.put("keep.last", keepLast);
            }
            if (maskChar != null) {
                props.put("mask.char", maskChar);
            }
            return props;
        }

        private static List<String> errorsOf(Map<String, String> props, String name) {
            return MaskCreditCard.CONFIG_DEF.validate(props).stream()
                    .filter(v -> v.name().equals(name))
                    .map(ConfigValue::errorMessages)
                    .flatMap(List::stream)
                    .collect(Collectors.toList());
        }

        @Test
        void defaultsKeepFourDigitsAndMaskWithLowercaseX() {
            value("card_number");
            assertThat(maskTopLevelStruct(CARD)).isEqualTo(CARD_MASKED);
            assertThat(MaskCreditCard.CONFIG_DEF.defaultValues())
                    .containsEntry("keep.last", 4).containsEntry("mask.char", "x");
        }

        @ParameterizedTest
        @ValueSource(strings = {"5", "19", "-1", "four"})
        void keepLastOutside0To4IsRejected(String keepLast) {
            assertThatThrownBy(() -> value(props(keepLast, null)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("keep.last");
            assertThat(errorsOf(props(keepLast, null), "keep.last")).isNotEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "xx", "7", "٣", " "})
        void maskCharMustBeOneNonDigitCharacter(String maskChar) {
            assertThatThrownBy(() -> value(props(null, maskChar)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("mask.char");
            assertThat(errorsOf(props(null, maskChar), "mask.char")).isNotEmpty();
        }

        @Test
        void fieldIsRequired() {
            assertThatThrownBy(() -> value(Map.of("keep.last", "4")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("field");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "payment..number", ".number", "payment.", "a,,b", "card_number,card_number"})
        void malformedFieldPathsAreRejected(String field) {
            assertThatThrownBy(() -> value(field))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("field");
        }

        @Test
        void validConfigHasNoErrors() {
            Map<String, String> props = Map.of("field", "payment.card.number", "keep.last", "0", "mask.char", "#");
            assertThat(MaskCreditCard.CONFIG_DEF.validate(props))
                    .allSatisfy(v -> assertThat(v.errorMessages()).isEmpty());
        }

        @Test
        void reportsAVersionAndItsConfig() {
            MaskCreditCard<SourceRecord> transform = value("card_number");
            assertThat(transform.version()).isNotBlank();
            assertThat(transform.config()).isSameAs(MaskCreditCard.CONFIG_DEF);
        }

        @Test
        void serviceManifestListsBothVariants() {
            @SuppressWarnings("rawtypes")
            List<String> names = ServiceLoader.load(Transformation.class).stream()
                    .map(p -> p.type().getName())
                    .collect(Collectors.toList());

            assertThat(names).contains(
                    "com.zmart.connect.transforms.MaskCreditCard$Key",
                    "com.zmart.connect.transforms.MaskCreditCard$Value");
        }
    }
}
