package com.zmart.web.problems;

import java.util.regex.Pattern;

/**
 * What an id looks like, wherever a client gives one (stores, SKUs, departments, campaigns, customers, members,
 * coupon codes): 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit. Ids appear in URL paths
 * and on command lines (simulators' options, kafka-console tools reading keys), so none may start with '-' (an option
 * to a command) or '.' ({@code .} and {@code ..} are path segments a URL parser removes); nothing in them needs
 * escaping in a URL, and none holds the '/' that separates the parts of composite keys (sales-trends' trend keys).
 */
public final class Ids {

    /** For {@code @Pattern(regexp = Ids.PATTERN)}; a {@code @Size} may shorten the 64 for a kind of id. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** The rule as a {@link FieldProblem#problem()}. */
    public static final String RULE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern ID = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The id itself, or an {@link InvalidRequestException} naming the field or parameter it came in. */
    public static String require(String field, String id) {
        if (!isValid(id)) {
            throw new InvalidRequestException(field, RULE);
        }
        return id;
    }
}
