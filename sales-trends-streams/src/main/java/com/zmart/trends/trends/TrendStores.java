package com.zmart.trends.trends;

import java.util.List;

import com.zmart.streams.state.BeforeCommit;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.trends.config.TrendsProperties;
import com.zmart.trends.state.TrendPane;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The two stores of the trends, shared by every view and changelogged, so a restarted instance resumes exactly where
 * the last committed transaction left it:
 * <ul>
 *   <li>{@link #PANES}: one {@code TrendPane} per store/department and pane, the only state a line changes; the REST
 *       API builds windows from it;</li>
 *   <li>{@link #CHANGED_PANES}: the panes changed since some view last wrote their windows ({@link PaneChange}).</li>
 * </ul>
 * and {@link #BEFORE_COMMIT}, which holds nothing: it writes what changed in the objects in front of both
 * ({@link PaneCache}, {@link PaneMarks}) before each commit. Neither store is cached: a line changes objects only.
 */
public final class TrendStores {

    public static final String PANES = "trends-panes";
    static final String CHANGED_PANES = "trends-changed-panes";
    static final String BEFORE_COMMIT = "trends-before-commit";

    private TrendStores() {
    }

    static List<StoreBuilder<?>> of(TrendsProperties properties, PaneGrid grid) {
        StoreBuilder<WindowStore<String, TrendPane>> panes = Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(PANES, properties.paneRetention(),
                                java.time.Duration.ofMillis(grid.paneMs()), false),
                        Serdes.String(), new InternalAvroSerde<>(TrendPane.class))
                .withCachingDisabled();
        StoreBuilder<KeyValueStore<String, PaneChange>> changed = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(CHANGED_PANES), Serdes.String(), PaneChange.SERDE)
                .withCachingDisabled();
        return List.of(panes, changed, BeforeCommit.storeBuilder(BEFORE_COMMIT));
    }
}
