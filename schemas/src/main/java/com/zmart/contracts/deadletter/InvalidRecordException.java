package com.zmart.contracts.deadletter;

import java.util.List;

/**
 * A record that deserialized but breaks its contract's rules (a sale line of zero units, a restock without a SKU): no
 * retry can apply it. Every dead-letter writer files it as {@link DeadLetterReason#INVALID}, the Streams handlers and
 * the spring-kafka consumers alike. The message names fields and rules, never a value of the record: it travels in
 * dead-letter headers and logs.
 */
public class InvalidRecordException extends RuntimeException {

    private final List<String> problems;

    /** {@code what}: the kind of record, as the message should name it ("sale line", "record"). */
    public InvalidRecordException(String what, List<String> problems) {
        super("Invalid " + what + ": " + String.join(", ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether {@code failure}, or a cause of it, is an invalid record. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }
}
