package com.zmart.inventory.error;

import java.util.List;

/** A record that deserialized but breaks the contract's rules (a missing id, a quantity of zero): it can never be applied. */
public class InvalidEventException extends RuntimeException {

    private final List<String> problems;

    public InvalidEventException(List<String> problems) {
        // Field names and rules only, never field values: the message travels in dead-letter headers and logs.
        super("Invalid record: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
