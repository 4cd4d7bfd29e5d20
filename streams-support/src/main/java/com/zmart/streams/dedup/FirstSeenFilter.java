package com.zmart.streams.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.zmart.streams.state.BeforeCommit;
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
 * Forwards the first record of each identity and drops the later ones. An identity is a member of a group (a line of
 * a transaction, a campaign of a purchase); the members seen of a group are remembered together, in a window store at
 * the record's event time, for {@code retention}: copies of a record carry the same identity and the same event time,
 * so the lookup is one exact fetch. A record older than the retention behind stream time is dropped as well: it could
 * not be told apart from a copy whose original was already forgotten.
 *
 * <p>The groups seen last are kept as objects ({@link RecentGroups}), and the members of a group arrive together (the
 * lines of a transaction are consecutive on its partition): a record costs a map lookup, and a group changed since
 * the last commit one store write and one changelog record, before the commit ({@link BeforeCommit}).
 */
public final class FirstSeenFilter<K, V> implements FixedKeyProcessor<K, V, V> {

    private static final Logger log = LoggerFactory.getLogger(FirstSeenFilter.class);
    /** A window store needs a window size; a group is remembered at one instant. */
    private static final Duration INSTANT = Duration.ofMillis(1);

    private final String storeName;
    private final Function<V, String> group;
    private final Function<V, String> member;
    private final long retentionMs;
    private FixedKeyProcessorContext<K, V> context;
    private RecentGroups seen;

    private FirstSeenFilter(String storeName, Function<V, String> group, Function<V, String> member,
                            Duration retention) {
        this.storeName = storeName;
        this.group = group;
        this.member = member;
        this.retentionMs = retention.toMillis();
    }

    /**
     * A supplier that brings its own persistent window store named {@code storeName} (not cached: see the class
     * comment) and the store that writes it before each commit.
     */
    public static <K, V> FixedKeyProcessorSupplier<K, V, V> supplier(String storeName, Function<V, String> group,
                                                                     Function<V, String> member, Duration retention) {
        // Not cached: RecentGroups holds a commit's changes and writes them once, before the commit.
        StoreBuilder<WindowStore<String, List<String>>> store = seenStore(storeName, retention).withCachingDisabled();
        StoreBuilder<BeforeCommit> beforeCommit = BeforeCommit.storeBuilder(beforeCommitStoreName(storeName));
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<K, V, V> get() {
                return new FirstSeenFilter<>(storeName, group, member, retention);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store, beforeCommit);
            }
        };
    }

    /**
     * The store of the members seen per group: persistent, cached, a group kept at its event time for
     * {@code retention}. Public for processors that remember members the same way but decide otherwise what to forward.
     */
    public static StoreBuilder<WindowStore<String, List<String>>> seenStore(String storeName, Duration retention) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(storeName, retention, INSTANT, false),
                Serdes.String(), Serdes.ListSerde(ArrayList.class, Serdes.String())).withCachingEnabled();
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
        // A new map at each initialization: a task revived after a failure starts from its restored store.
        this.seen = new RecentGroups(context.getStateStore(storeName));
        context.<BeforeCommit>getStateStore(beforeCommitStoreName(storeName)).run(seen::writeChanged);
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        String groupId = group.apply(record.value());
        String memberId = member.apply(record.value());
        long eventTime = record.timestamp();
        if (eventTime <= context.currentStreamTimeMs() - retentionMs) {
            log.warn("{}: {} of {} is older than the retention ({} ms behind stream time); dropped", storeName,
                    memberId, groupId, context.currentStreamTimeMs() - eventTime);
            return;
        }
        if (!seen.add(groupId, eventTime, memberId)) {
            log.debug("{}: duplicate {} of {} dropped", storeName, memberId, groupId);
            return;
        }
        context.forward(record);
    }

    private static String beforeCommitStoreName(String storeName) {
        return storeName + "-before-commit";
    }
}
