package com.zmart.streams.error;

import java.util.Map;

import com.zmart.contracts.deadletter.DeadLetterReason;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record whose processing throws (a value the contract allows but the logic cannot use) goes to the dead-letter
 * topic with the bytes it arrived with at the source topic, and processing goes on.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        this.deadLetters = DeadLetters.from(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        boolean sent = deadLetters.send(DeadLetterReason.PROCESSING, context, context.sourceRawKey(),
                context.sourceRawValue(), context.headers(), context.timestamp(), exception);
        return sent ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }
}
