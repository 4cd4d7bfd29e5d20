package com.zmart.sales.simulator;

import java.util.random.RandomGenerator;

/** Luhn-valid test card numbers, as real registers would see them: the masking transform must hide them. */
public final class CardNumbers {

    private CardNumbers() {
    }

    /** A 16-digit Luhn-valid number with a Visa-style prefix. */
    public static String next(RandomGenerator random) {
        StringBuilder digits = new StringBuilder("4");
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    static int checkDigit(CharSequence payload) {
        int sum = 0;
        for (int i = payload.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = payload.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
