package com.zmart.inventory.error;

import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.deadletter.InvalidRecordException;
import com.zmart.inventory.stock.ItemNotFoundException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Which {@link DeadLetterReason} an inventory failure is, looking through spring-kafka's wrapping. */
final class DeadLetterReasons {

    private DeadLetterReasons() {
    }

    static DeadLetterReason of(Throwable failure) {
        // Also a record the validating deserializer refused for its rules (inside a DeserializationException).
        if (InvalidRecordException.isCauseOf(failure)) {
            return DeadLetterReason.INVALID;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException) {
                return DeadLetterReason.DESERIALIZATION;
            }
            if (cause instanceof ItemNotFoundException) {
                return DeadLetterReason.UNKNOWN_ITEM;
            }
        }
        return DeadLetterReason.PROCESSING;
    }

    /** The failure as the listener or the deserializer raised it: spring-kafka's listener wrapper says nothing. */
    static Throwable unwrapped(Throwable failure) {
        return failure instanceof ListenerExecutionFailedException && failure.getCause() != null
                ? failure.getCause() : failure;
    }
}
