package com.zmart.trends.trends;

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
 *   <li>{@code trends-<kind>-members}: the transactions and customers already counted in each window, kept only while
 *       the window still accepts lines;</li>
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
        return PREFIX + windowKind + "-members";
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
        StoreBuilder<WindowStore<String, Boolean>> members = Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(membersStoreName(kind), window.size().plus(properties.grace()),
                                window.size(), false),
                        Serdes.String(), Serdes.Boolean())
                .withCachingEnabled();
        StoreBuilder<KeyValueStore<String, Long>> changed = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(changedStoreName(kind)), Serdes.String(), Serdes.Long());
        return List.of(totals, members, changed);
    }
}
