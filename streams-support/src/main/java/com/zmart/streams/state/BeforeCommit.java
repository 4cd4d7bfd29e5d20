package com.zmart.streams.state;

import java.util.Map;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A store without state that runs its processor's action each time Kafka Streams prepares the commit of the task:
 * after the last record the commit covers and before the task's offsets and the transaction are committed. A processor
 * that keeps its changes as objects writes them to its (uncached) stores there, once per commit, instead of
 * serializing its state into the record cache at every record (ADR 0013).
 *
 * <p>Kafka Streams has no public hook before a commit. It prepares a commit by flushing the record cache of every
 * store that implements its internal {@link CachedStateStore}, and this store implements it for that call alone; the
 * writes land in the changelog in the commit's transaction, whatever the order of the task's stores. A task closed
 * dirty commits nothing and drops the action with the store ({@link #close()}); its processor is initialized again
 * before the next commit and registers a new one.
 */
public final class BeforeCommit implements StateStore, CachedStateStore<Void, Void> {

    private final String name;
    private Runnable action = () -> { };
    private boolean open;

    private BeforeCommit(String name) {
        this.name = name;
    }

    /** A builder for the processor supplier's {@code stores()}: neither logged nor cached, no state to keep. */
    public static StoreBuilder<BeforeCommit> storeBuilder(String name) {
        return new Builder(name);
    }

    /** Runs {@code action} before each commit of this task, in place of the action registered before. */
    public void run(Runnable action) {
        this.action = action;
    }

    @Override
    public void flushCache() {
        action.run();
    }

    @Override
    public void clearCache() {
        // The action's owner drops what it holds when Streams initializes its processor again.
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Void, Void> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void flush() {
        // Nothing to write after the commit: the action ran before it.
    }

    @Override
    public void close() {
        action = () -> { };
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private record Builder(String name) implements StoreBuilder<BeforeCommit> {

        @Override
        public StoreBuilder<BeforeCommit> withCachingEnabled() {
            throw new UnsupportedOperationException(name + " runs before the commit; it has no cache");
        }

        @Override
        public StoreBuilder<BeforeCommit> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<BeforeCommit> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException(name + " holds no state to log");
        }

        @Override
        public StoreBuilder<BeforeCommit> withLoggingDisabled() {
            return this;
        }

        @Override
        public BeforeCommit build() {
            return new BeforeCommit(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
