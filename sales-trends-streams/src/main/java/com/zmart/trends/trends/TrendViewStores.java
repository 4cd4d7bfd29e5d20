package com.zmart.trends.trends;

import java.time.Duration;
import java.util.List;

import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.trends.config.TrendWindow;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.trends.state.SalesTrendAggregate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The three stores of one windowed view (e.g. {@code tumbling-1m}), all changelogged so a restarted instance resumes
 * exactly where the last committed transaction left it:
 * <ul>
 *   <li>{@code trends-<kind>}: the totals per store/department and window, queried over REST;</li>
 *   <li>{@code trends-<kind>-seen}: each transaction and customer of a group at the event times it was seen, kept
 *       while a window that could hold it still accepts lines ({@link WindowMembers});</li>
 *   <li>{@code trends-<kind>-changed}: the windows changed since the last emission.</li>
 * </ul>
 */
public final class TrendViewStores {

    private static final String PREFIX = "trends-";

    private TrendViewStores() {
    }

    /** The totals store of the view {@code windowKind}, the one the REST API reads. */
    public static String totalsStoreName(String windowKind) {
        return PREFIX + windowKind;
    }

    static String membersStoreName(String windowKind) {
        return PREFIX + windowKind + "-seen";
    }

    static String changedStoreName(String windowKind) {
        return PREFIX + windowKind + "-changed";
    }

    static List<StoreBuilder<?>> of(TrendWindow window, TrendsProperties properties) {
        String kind = window.kind();
        StoreBuilder<WindowStore<String, SalesTrendAggregate>> totals = Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(totalsStoreName(kind), properties.storeRetention(window),
                                window.size(), false),
                        Serdes.String(), new InternalAvroSerde<>(SalesTrendAggregate.class))
                .withCachingEnabled();
        // A line at t reads the members seen within its windows (t - size, t + size), and t may itself be up to
        // size + grace behind stream time: kept 2 size + grace. Each member is stored at one instant (1 ms "windows").
        StoreBuilder<WindowStore<String, Boolean>> members = Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(membersStoreName(kind),
                                window.size().multipliedBy(2).plus(properties.grace()), Duration.ofMillis(1), false),
                        Serdes.String(), Serdes.Boolean())
                .withCachingEnabled();
        // Cached: a window changed by many lines between two commits reaches the changelog once.
        StoreBuilder<KeyValueStore<String, Long>> changed = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(changedStoreName(kind)), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
        return List.of(totals, members, changed);
    }
}
