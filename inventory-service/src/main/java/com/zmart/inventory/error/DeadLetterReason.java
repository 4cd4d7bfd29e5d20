package com.zmart.inventory.error;

import java.util.Locale;

import com.zmart.inventory.stock.ItemNotFoundException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Why a record went to the dead-letter topic, as written in its {@value #HEADER} header. */
public enum DeadLetterReason {
    /** Not Avro of the topic's contract (or no schema known for its id): original bytes kept. */
    UNDESERIALIZABLE,
    /** Deserialized, but breaks the record's rules (e.g. quantity 0): original bytes kept. */
    INVALID,
    /** A restock for an item without stock. */
    UNKNOWN_ITEM,
    /** Applying it kept failing after every retry (e.g. the database was down throughout). */
    PROCESSING_FAILED;

    public static final String HEADER = "zmart.dlt.reason";
    /** The broken rules or the failure, without the record's values. */
    public static final String DETAIL_HEADER = "zmart.dlt.detail";

    public static DeadLetterReason of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException deserialization) {
                return deserialization.getCause() instanceof InvalidEventException ? INVALID : UNDESERIALIZABLE;
            }
            if (cause instanceof InvalidEventException) {
                return INVALID;
            }
            if (cause instanceof ItemNotFoundException) {
                return UNKNOWN_ITEM;
            }
        }
        return PROCESSING_FAILED;
    }

    /** Innermost message of the failure, which names the problem rather than the wrapping. */
    public static String detail(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    public String headerValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
