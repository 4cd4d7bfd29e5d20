package com.zmart.contracts.carddata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's rule "no card number outside the point-of-sale database", as a check: tests scan topics, dead-letter
 * topics and logs with it. Finds card numbers in bytes: runs of 13 to 19 digits (single spaces or dashes between
 * groups allowed) that pass the Luhn check, and any of a list of known numbers however they are separated.
 *
 * <p>UUIDs are skipped: one whose first groups are all digits reads as a dashed digit run, and one in ten such runs
 * passes the Luhn check (reorder ids did, in the hardening tests).
 */
public final class CardDataScan {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,}");
    private static final Pattern UUID = Pattern.compile(
            "(?<![0-9a-fA-F])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9a-fA-F])");

    private CardDataScan() {
    }

    /** Luhn-valid 13–19 digit runs in {@code bytes} read as ISO-8859-1 (every byte one character). */
    public static List<String> luhnValidRuns(byte[] bytes) {
        List<String> found = new ArrayList<>();
        String text = UUID.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).replaceAll("<uuid>");
        Matcher matcher = DIGIT_RUN.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            // A run of card length is checked whole; a longer run (digits glued to a number) window by window.
            int length = Math.min(digits.length(), 19);
            for (int start = 0; start + length <= digits.length(); start++) {
                String candidate = digits.substring(start, start + length);
                if (luhnValid(candidate)) {
                    found.add(candidate);
                    break;
                }
            }
        }
        return found;
    }

    /** The known numbers that occur in {@code text}, with or without separators. */
    public static List<String> knownNumbers(String text, Collection<String> cardNumbers) {
        String digitsOnly = text.replaceAll("(?<=\\d)[ -](?=\\d)", "");
        return cardNumbers.stream().filter(digitsOnly::contains).toList();
    }

    public static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
