package com.zmart.streams.error;

import java.util.Map;

import com.zmart.contracts.deadletter.DeadLetterReason;
import com.zmart.contracts.deadletter.InvalidRecordException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record whose processing throws goes to the dead-letter topic with the bytes it arrived with at the source topic,
 * and processing goes on: as {@code invalid} when it breaks its contract's rules ({@link InvalidRecordException}),
 * as {@code processing} when the logic could not use a value the rules allow.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        this.deadLetters = DeadLetters.from(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        DeadLetterReason reason = InvalidRecordException.isCauseOf(exception)
                ? DeadLetterReason.INVALID : DeadLetterReason.PROCESSING;
        boolean sent = deadLetters.send(reason, context, context.sourceRawKey(),
                context.sourceRawValue(), context.headers(), context.timestamp(), exception);
        return sent ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }
}
