package com.zmart.inventory.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.zmart.inventory.config.InventoryProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox: in one database transaction it takes the oldest unsent messages, sends them with the
 * idempotent {@code acks=all} producer, waits for the broker's acknowledgement, and only then marks them sent and
 * commits. A crash anywhere before that commit leaves them unsent, and the next relay (after a restart, or in another
 * instance) sends them again: at least once, never lost. Consumers drop repeats by the message's own id (a reorder's
 * {@code reorderId}; level records are compacted state).
 *
 * <p>Starts before and stops after the listener containers, so what the listeners committed while stopping still goes.
 */
@Component
@ConditionalOnBooleanProperty(name = "zmart.inventory.outbox.relay-enabled", matchIfMissing = true)
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, SpecificRecord> template;
    private final RelaySignal signal;
    private final InventoryProperties.Outbox settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(OutboxRepository outbox, TransactionTemplate transactions, KafkaTemplate<String, SpecificRecord> outboxTemplate,
                RelaySignal signal, InventoryProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.template = outboxTemplate;
        this.signal = signal;
        this.settings = properties.outbox();
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        signal.wake();
        try {
            thread.join(settings.sendTimeout().plusSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Listener containers run in phase Integer.MAX_VALUE - 100: start before them, stop after them.
        return Integer.MAX_VALUE - 200;
    }

    private void loop() {
        while (running) {
            try {
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == settings.batchSize() && running); // a full batch: more may be waiting
                // A final pass after stop() woke us picks up the last commits of the stopping listeners.
                if (running) {
                    signal.await(settings.pollInterval());
                } else {
                    relayBatch();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay failed, messages stay unsent and are retried: {}", e.toString());
                pause();
            }
        }
    }

    /** Sends one batch and marks it sent; returns how many messages it sent. */
    int relayBatch() {
        Integer sent = transactions.execute(status -> {
            if (!outbox.lockRelay()) {
                return 0; // another instance is relaying
            }
            List<OutboxMessage> batch = outbox.unsent(settings.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            awaitAcknowledgements(batch.stream()
                    .map(m -> template.send(m.topic(), m.key(), OutboxPayloads.decode(m.topic(), m.payload())))
                    .toArray(CompletableFuture[]::new));
            outbox.markSent(batch.stream().map(OutboxMessage::id).toList(), clock.instant());
            batch.forEach(m -> meters.counter("zmart.inventory.outbox.sent", "topic", m.topic()).increment());
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    private void awaitAcknowledgements(CompletableFuture<?>[] sends) {
        try {
            CompletableFuture.allOf(sends).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            // Rolls back: nothing of this batch is marked sent.
            throw new IllegalStateException("The broker did not acknowledge the outbox batch: " + e, e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(FAILURE_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
