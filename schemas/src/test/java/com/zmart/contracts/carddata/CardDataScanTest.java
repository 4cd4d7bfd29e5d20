package com.zmart.contracts.carddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class CardDataScanTest {

    @Test
    void findsLuhnValidNumbersPlainOrGroupedAndIgnoresOthers() {
        byte[] bytes = "a 4111111111111111 b 4111-1111-1111-1111 c 4111111111111112 d xxxx-xxxx-xxxx-1111"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(CardDataScan.luhnValidRuns(bytes)).contains("4111111111111111").hasSize(2);
    }

    @Test
    void aUuidIsNoCardNumberEvenWhenItsDigitGroupsPassLuhn() {
        // The reorder id the hardening scan once flagged: its digits up to the first letter, 36574693848285146,
        // pass the Luhn check.
        String reorderId = "36574693-8482-8514-6a1c-0242ac120002";
        assertThat(CardDataScan.luhnValid("36574693848285146")).isTrue();

        assertThat(CardDataScan.luhnValidRuns(("reorder " + reorderId).getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(CardDataScan.luhnValidRuns((reorderId + " paid 4111-1111-1111-1111")
                .getBytes(StandardCharsets.UTF_8))).containsExactly("4111111111111111");
    }

    @Test
    void findsANumberHiddenInBinaryData() {
        byte[] bytes = {0, 1, '4', '0', '1', '2', '8', '8', '8', '8', '8', '8', '8', '8', '1', '8', '8', '1', 2};

        assertThat(CardDataScan.luhnValidRuns(bytes)).contains("4012888888881881");
    }

    @Test
    void knownNumbersAreFoundWithOrWithoutSeparators() {
        assertThat(CardDataScan.knownNumbers("paid with 4111 1111 1111 1111 today", List.of("4111111111111111", "5500000000000004")))
                .containsExactly("4111111111111111");
    }

    @Test
    void agreesWithTheRegularExpressionsItReplacedOnRandomText() {
        // Text made of what matters to the scan: digits, hex letters, separators, other bytes, UUIDs and card numbers.
        String[] pieces = {"0", "1", "4", "7", "9", "a", "F", "g", " ", "-", "  ", "--", "x", "<", "\n",
                "4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004", "4012888888881881",
                "36574693-8482-8514-6a1c-0242ac120002", "123e4567-e89b-12d3-a456-426614174000", "12345678901234567890"};
        SplittableRandom random = new SplittableRandom(20261204L);
        List<String> cards = List.of("4111111111111111", "5500000000000004", "4012888888881881");
        for (int sample = 0; sample < 20_000; sample++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 40);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String input = text.toString();
            assertThat(CardDataScan.luhnValidRuns(input.getBytes(StandardCharsets.ISO_8859_1)))
                    .as("Luhn-valid runs in %s", input).isEqualTo(RegexModel.luhnValidRuns(input));
            assertThat(CardDataScan.knownNumbers(input, cards))
                    .as("known numbers in %s", input).isEqualTo(RegexModel.knownNumbers(input, cards));
        }
    }

    /** The scan as regular expressions: slower, and plainly right. */
    private static final class RegexModel {

        private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,}");
        private static final Pattern UUID = Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}"
                + "-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9a-fA-F])");

        static List<String> luhnValidRuns(String text) {
            List<String> found = new ArrayList<>();
            Matcher matcher = DIGIT_RUN.matcher(UUID.matcher(text).replaceAll("<uuid>"));
            while (matcher.find()) {
                String digits = matcher.group().replaceAll("[ -]", "");
                int length = Math.min(digits.length(), 19);
                for (int start = 0; start + length <= digits.length(); start++) {
                    String candidate = digits.substring(start, start + length);
                    if (CardDataScan.luhnValid(candidate)) {
                        found.add(candidate);
                        break;
                    }
                }
            }
            return found;
        }

        static List<String> knownNumbers(String text, List<String> cards) {
            String digitsOnly = text.replaceAll("(?<=\\d)[ -](?=\\d)", "");
            return cards.stream().filter(digitsOnly::contains).toList();
        }
    }
}
