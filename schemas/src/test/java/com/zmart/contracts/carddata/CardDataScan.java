package com.zmart.contracts.carddata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The suite's rule "no card number outside the point-of-sale database", as a check: tests scan topics, dead-letter
 * topics and logs with it. Finds card numbers in bytes: runs of 13 to 19 digits (single spaces or dashes between
 * groups allowed) that pass the Luhn check, and any of a list of known numbers however they are separated.
 *
 * <p>UUIDs are skipped: one whose first groups are all digits reads as a dashed digit run, and one in ten such runs
 * passes the Luhn check (reorder ids did, in the hardening tests).
 */
public final class CardDataScan {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    private static final int UUID_LENGTH = 36;

    private CardDataScan() {
    }

    /**
     * Luhn-valid 13–19 digit runs in {@code bytes} read as ISO-8859-1 (every byte one character). One pass over the
     * bytes with no copy of them: the hardening suite scans hundreds of thousands of records and their dead-letter
     * stack traces after each test class.
     */
    public static List<String> luhnValidRuns(byte[] bytes) {
        List<String> found = new ArrayList<>();
        StringBuilder digits = new StringBuilder(MAX_DIGITS * 2);
        int i = 0;
        while (i < bytes.length) {
            if (uuidAt(bytes, i)) {
                i += UUID_LENGTH;
            } else if (isDigit(bytes[i])) {
                digits.setLength(0);
                i = digitRun(bytes, i, digits);
                if (digits.length() >= MIN_DIGITS) {
                    firstLuhnValidWindow(digits).ifPresent(found::add);
                }
            } else {
                i++;
            }
        }
        return found;
    }

    /**
     * Appends to {@code digits} the run starting at the digit at {@code start}: digits, with single spaces or dashes
     * between them, up to a UUID (never part of a run); returns the index after the run's last digit.
     */
    private static int digitRun(byte[] bytes, int start, StringBuilder digits) {
        int i = start;
        digits.append((char) bytes[i++]);
        while (i < bytes.length) {
            if (isDigit(bytes[i])) {
                digits.append((char) bytes[i++]);
            } else if (isSeparator(bytes[i]) && i + 1 < bytes.length && isDigit(bytes[i + 1])
                    && !uuidAt(bytes, i + 1)) {
                digits.append((char) bytes[i + 1]);
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** A run of card length is checked whole; a longer run (digits glued to a number) window by window. */
    private static Optional<String> firstLuhnValidWindow(CharSequence digits) {
        int length = Math.min(digits.length(), MAX_DIGITS);
        for (int start = 0; start + length <= digits.length(); start++) {
            String candidate = digits.subSequence(start, start + length).toString();
            if (luhnValid(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A UUID ({@code 8-4-4-4-12} hex digits) starts at {@code start}, with no hex digit just before or after it. */
    private static boolean uuidAt(byte[] bytes, int start) {
        if (start + UUID_LENGTH > bytes.length || (start > 0 && isHex(bytes[start - 1]))
                || (start + UUID_LENGTH < bytes.length && isHex(bytes[start + UUID_LENGTH]))) {
            return false;
        }
        for (int k = 0; k < UUID_LENGTH; k++) {
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? bytes[start + k] != '-' : !isHex(bytes[start + k])) {
                return false;
            }
        }
        return true;
    }

    /** The known numbers that occur in {@code text}, with or without separators. */
    public static List<String> knownNumbers(String text, Collection<String> cardNumbers) {
        StringBuilder digitsJoined = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A single space or dash between two digits is dropped: 4111 1111 ... reads as 41111111...
            boolean joins = (c == ' ' || c == '-') && i > 0 && i + 1 < text.length()
                    && isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i + 1));
            if (!joins) {
                digitsJoined.append(c);
            }
        }
        String joined = digitsJoined.toString();
        // One pass over the text for all cards, not a String.contains per card: a log is scanned for a thousand
        // cards, and String.indexOf is a plain loop under C1 (the test JVMs). A card of digits only can only occur
        // inside a run of digits, so every window of its length in every run is looked up in a set.
        Set<String> digitCards = new HashSet<>();
        SortedSet<Integer> lengths = new TreeSet<>();
        for (String card : cardNumbers) {
            if (!card.isEmpty() && card.chars().allMatch(CardDataScan::isDigit)) {
                digitCards.add(card);
                lengths.add(card.length());
            }
        }
        Set<String> found = new HashSet<>();
        for (int i = 0, n = joined.length(); i < n; ) {
            if (!isDigit(joined.charAt(i))) {
                i++;
                continue;
            }
            int runStart = i;
            while (i < n && isDigit(joined.charAt(i))) {
                i++;
            }
            for (int length : lengths) {
                for (int from = runStart; from + length <= i; from++) {
                    String window = joined.substring(from, from + length);
                    if (digitCards.contains(window)) {
                        found.add(window);
                    }
                }
            }
        }
        return cardNumbers.stream()
                .filter(card -> digitCards.contains(card) ? found.contains(card) : joined.contains(card))
                .toList();
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

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '-';
    }

    private static boolean isHex(byte b) {
        return isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
