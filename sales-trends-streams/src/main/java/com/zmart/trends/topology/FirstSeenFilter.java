package com.zmart.trends.topology;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the first record of each identity and drops the later ones. Identities are remembered in a window store
 * at the record's event time for {@code retention}: copies of a record carry the same identity and the same event time,
 * so the lookup is one exact fetch. A record older than the retention behind stream time is dropped as well: it could
 * not be told apart from a copy whose original was already forgotten.
 */
public final class FirstSeenFilter<K, V> implements FixedKeyProcessor<K, V, V> {

    private static final Logger log = LoggerFactory.getLogger(FirstSeenFilter.class);
    /** A window store needs a window size; an identity is remembered at one instant. */
    private static final Duration INSTANT = Duration.ofMillis(1);

    private final String storeName;
    private final Function<V, String> identity;
    private final long retentionMs;
    private FixedKeyProcessorContext<K, V> context;
    private WindowStore<String, Long> seen;

    private FirstSeenFilter(String storeName, Function<V, String> identity, Duration retention) {
        this.storeName = storeName;
        this.identity = identity;
        this.retentionMs = retention.toMillis();
    }

    /** A supplier that brings its own persistent window store named {@code storeName}. */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> supplier(String storeName, Function<V, String> identity,
                                                                     Duration retention) {
        StoreBuilder<WindowStore<String, Long>> store = Stores.windowStoreBuilder(
                Stores.persistentWindowStore(storeName, retention, INSTANT, false), Serdes.String(), Serdes.Long());
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<K, V, V> get() {
                return new FirstSeenFilter<>(storeName, identity, retention);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        String id = identity.apply(record.value());
        long eventTime = record.timestamp();
        if (eventTime <= context.currentStreamTimeMs() - retentionMs) {
            log.warn("{}: {} is older than the retention ({} ms behind stream time); dropped", storeName, id,
                    context.currentStreamTimeMs() - eventTime);
            return;
        }
        if (seen.fetch(id, eventTime) != null) {
            log.debug("{}: duplicate {} dropped", storeName, id);
            return;
        }
        seen.put(id, eventTime, eventTime);
        context.forward(record);
    }
}
