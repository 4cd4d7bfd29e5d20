package com.zmart.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Whatever the card number and its layout, no Luhn-valid 13..19 digit number survives the transform, in Struct and
 * Map records alike, and at most four digits are left.
 */
class MaskCreditCardPropertyTest {

    private static final Schema CARD_SCHEMA = SchemaBuilder.struct().name("card")
            .field("number", Schema.STRING_SCHEMA).build();
    private static final Schema SALE_SCHEMA = SchemaBuilder.struct().name("sale")
            .field("store", Schema.STRING_SCHEMA)
            .field("payment", SchemaBuilder.struct().name("payment").field("card", CARD_SCHEMA).build())
            .build();

    @Property
    void noCardNumberSurvivesInAStruct(@ForAll("cardNumbers") String card,
                                       @ForAll @IntRange(min = 0, max = 4) int keepLast,
                                       @ForAll("maskChars") char maskChar) {
        assertThat(luhnValidNumbers(card)).as("the generator makes card numbers the scanner finds").isNotEmpty();
        Struct payment = new Struct(SALE_SCHEMA.field("payment").schema())
                .put("card", new Struct(CARD_SCHEMA).put("number", card));
        Struct sale = new Struct(SALE_SCHEMA).put("store", "north").put("payment", payment);

        Struct out = (Struct) transform(keepLast, maskChar).apply(record(SALE_SCHEMA, sale)).value();

        String masked = out.getStruct("payment").getStruct("card").getString("number");
        assertMasked(card, masked, keepLast, maskChar);
        assertThat(luhnValidNumbers(out.toString())).isEmpty();
    }

    @Property
    void noCardNumberSurvivesInAMap(@ForAll("cardNumbers") String card,
                                    @ForAll @IntRange(min = 0, max = 4) int keepLast,
                                    @ForAll("maskChars") char maskChar) {
        Map<String, Object> sale = Map.of("store", "north", "payment", Map.of("card", Map.of("number", card)));

        Map<?, ?> out = (Map<?, ?>) transform(keepLast, maskChar).apply(record(null, sale)).value();

        String masked = (String) ((Map<?, ?>) ((Map<?, ?>) out.get("payment")).get("card")).get("number");
        assertMasked(card, masked, keepLast, maskChar);
        assertThat(luhnValidNumbers(out.toString())).isEmpty();
    }

    /** Not only card numbers: no input at all keeps more than {@code keep.last} digits of any script. */
    @Property
    void noInputKeepsMoreThanKeepLastDigits(@ForAll("anyText") String anything,
                                            @ForAll @IntRange(min = 0, max = 4) int keepLast) {
        String masked = MaskCreditCard.mask(anything, keepLast, 'x');

        assertThat(masked).hasSameSizeAs(anything);
        assertThat(masked.chars().filter(Character::isDigit).count()).isLessThanOrEqualTo(keepLast);
        assertThat(luhnValidNumbers(masked)).isEmpty();
    }

    @Example
    void scannerFindsNumbersAcrossSeparatorsAndInsideLongerRuns() {
        assertThat(luhnValidNumbers("4111 1111-1111.1111")).contains("4111111111111111");
        assertThat(luhnValidNumbers("99 4111111111111111 7")).contains("4111111111111111");
        assertThat(luhnValidNumbers("xxxx xxxx xxxx 1111")).isEmpty();
        assertThat(luhnValid("79927398713")).isTrue();
        assertThat(luhnValid("79927398710")).isFalse();
    }

    private static void assertMasked(String card, String masked, int keepLast, char maskChar) {
        assertThat(luhnValidNumbers(masked)).isEmpty();
        assertThat(digitsOf(masked)).hasSize(keepLast).hasSizeLessThanOrEqualTo(4);
        String cardDigits = digitsOf(card);
        assertThat(digitsOf(masked)).isEqualTo(cardDigits.substring(cardDigits.length() - keepLast));
        // The layout is kept: same length, separators where they were, the mask everywhere else but the kept digits.
        assertThat(masked).hasSameSizeAs(card);
        for (int i = 0; i < card.length(); i++) {
            char c = card.charAt(i);
            if (!Character.isDigit(c)) {
                assertThat(masked.charAt(i)).isEqualTo(c);
            } else if (masked.charAt(i) != c) {
                assertThat(masked.charAt(i)).isEqualTo(maskChar);
            }
        }
    }

    private static MaskCreditCard<SourceRecord> transform(int keepLast, char maskChar) {
        MaskCreditCard<SourceRecord> smt = new MaskCreditCard.Value<>();
        smt.configure(Map.of("field", "payment.card.number", "keep.last", String.valueOf(keepLast),
                "mask.char", String.valueOf(maskChar)));
        return smt;
    }

    private static SourceRecord record(Schema schema, Object value) {
        return new SourceRecord(null, null, "zmart.sales", 0, null, null, schema, value);
    }

    @Provide
    Arbitrary<String> cardNumbers() {
        return Arbitraries.integers().between(13, 19).flatMap(length -> {
            Arbitrary<String> payload = Arbitraries.strings().numeric().ofLength(length - 1);
            // Mostly no separator between two digits, sometimes one or two of space, dash, dot.
            Arbitrary<String> gap = Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.just("")),
                    Tuple.of(3, Arbitraries.of(" ", "-", ".")),
                    Tuple.of(1, Arbitraries.of("  ", " - ", "..", "-.")));
            Arbitrary<List<String>> gaps = gap.list().ofSize(length + 1);
            return Combinators.combine(payload, gaps).as((digits, separators) ->
                    layout(digits + luhnCheckDigit(digits), separators));
        });
    }

    @Provide
    Arbitrary<String> anyText() {
        // Mostly near-misses (digits and separators, with the odd letter or non-ASCII digit), plus anything at all.
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789 -.").ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789 -.a/\u0663").ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    @Provide
    Arbitrary<Character> maskChars() {
        return Arbitraries.of('x', 'X', '*', '#', '•');
    }

    /** Puts separators.get(i) before digit i, and the last one after the number. */
    private static String layout(String digits, List<String> separators) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            out.append(separators.get(i)).append(digits.charAt(i));
        }
        return out.append(separators.get(digits.length())).toString();
    }

    // --- Luhn scanner ---------------------------------------------------------------------------------------------

    /**
     * Every Luhn-valid digit sequence of 13..19 digits in the text: scanned in each run of digits as written, and
     * again with separators removed (so that "4111 1111 ..." is seen as one number), at every offset of each run.
     */
    static List<String> luhnValidNumbers(String text) {
        List<String> found = new ArrayList<>();
        for (String candidate : List.of(text, text.replaceAll("[ .\\-]", ""))) {
            for (String run : candidate.split("[^0-9]+")) {
                for (int length = 13; length <= 19; length++) {
                    for (int start = 0; start + length <= run.length(); start++) {
                        String sequence = run.substring(start, start + length);
                        if (luhnValid(sequence)) {
                            found.add(sequence);
                        }
                    }
                }
            }
        }
        return found;
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static char luhnCheckDigit(String payload) {
        for (char check = '0'; check <= '9'; check++) {
            if (luhnValid(payload + check)) {
                return check;
            }
        }
        throw new IllegalStateException("no Luhn check digit");
    }

    private static String digitsOf(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
