package com.zmart.inventory.outbox;

import com.zmart.contracts.topic.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a message for a topic inside the caller's database transaction: it is published if and only if the
 * transaction commits, and the relay is woken as soon as it has.
 */
@Component
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final RelaySignal signal;

    OutboxWriter(OutboxRepository outbox, RelaySignal signal) {
        this.outbox = outbox;
        this.signal = signal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <V extends SpecificRecord> void append(TopicSpec<String, V> topic, String key, V value) {
        outbox.insert(topic.name(), key, OutboxPayloads.encode(value));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
    }
}
