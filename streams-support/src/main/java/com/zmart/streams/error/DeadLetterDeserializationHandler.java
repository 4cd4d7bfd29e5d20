package com.zmart.streams.error;

import java.util.Map;

import com.zmart.contracts.deadletter.DeadLetterReason;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record that cannot be deserialized (garbage bytes, an unknown schema id) goes to the dead-letter topic, raw,
 * and processing goes on.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        this.deadLetters = DeadLetters.from(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        boolean sent = deadLetters.send(DeadLetterReason.DESERIALIZATION, context, record.key(), record.value(),
                record.headers(), record.timestamp(), exception);
        return sent ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }
}
