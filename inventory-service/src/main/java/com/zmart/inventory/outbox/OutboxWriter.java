package com.zmart.inventory.outbox;

import java.util.ArrayList;
import java.util.List;

import com.zmart.contracts.topic.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a message for a topic inside the caller's database transaction: it is published if and only if the
 * transaction commits, and the relay is woken as soon as it has.
 *
 * <p>The messages of a transaction are kept until it is about to commit and then inserted with one statement: a poll
 * of sale lines appends a level event for each item it changed, hundreds per transaction.
 */
@Component
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final RelaySignal signal;

    OutboxWriter(OutboxRepository outbox, RelaySignal signal) {
        this.outbox = outbox;
        this.signal = signal;
    }

    /** Must be called inside a transaction (checked here rather than by a proxy: a poll appends hundreds). */
    public <V extends SpecificRecord> void append(TopicSpec<String, V> topic, String key, V value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException("An outbox message can only be appended in a transaction");
        }
        pendingOfThisTransaction().add(new PendingMessage(topic.name(), key, OutboxPayloads.encode(value)));
    }

    @SuppressWarnings("unchecked")
    private List<PendingMessage> pendingOfThisTransaction() {
        List<PendingMessage> pending = (List<PendingMessage>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new InsertBeforeCommit(pending));
        }
        return pending;
    }

    /** Inserts a transaction's messages before it commits (a failure rolls it back), wakes the relay after. */
    private final class InsertBeforeCommit implements TransactionSynchronization {

        private final List<PendingMessage> pending;

        InsertBeforeCommit(List<PendingMessage> pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            outbox.insert(pending);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(OutboxWriter.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(OutboxWriter.this, pending);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OutboxWriter.this);
            if (status == STATUS_COMMITTED) {
                signal.wake();
            }
        }
    }
}
