package com.zmart.contracts.deadletter;

import java.util.Locale;

/**
 * Why a record went to a dead-letter topic, as its {@value DeadLetterHeaders#REASON} header says: one vocabulary for
 * the Streams handlers and the spring-kafka consumers, so that an operator reads every dead-letter topic alike.
 */
public enum DeadLetterReason {
    /** Not a record of the topic's contract (garbage bytes, an unknown schema id): the original bytes are kept. */
    DESERIALIZATION,
    /** Deserialized, but breaks the contract's rules (a quantity of zero): it can never be applied. */
    INVALID,
    /** Names an item the consumer keeps no stock for (a restock of an unknown item). */
    UNKNOWN_ITEM,
    /** Applying it failed: a Streams processor threw, or a consumer's retries ran out (the database was down). */
    PROCESSING;

    /** {@code deserialization}, {@code invalid}, {@code unknown-item}, {@code processing}. */
    public String headerValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
