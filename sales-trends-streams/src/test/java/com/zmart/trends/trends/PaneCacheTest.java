package com.zmart.trends.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.BiConsumer;

import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.streams.testing.InsideATask;
import com.zmart.trends.state.PaneTotals;
import com.zmart.trends.state.TrendPane;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/**
 * What of the pane objects reaches the panes store, and when: on {@link PaneCache#writeChanged()} (before a commit),
 * and at once when a changed pane would otherwise leave the objects. Each test runs inside one {@code process()} call
 * of a task, so no commit comes between its steps.
 */
class PaneCacheTest {

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_000_000_000L / MINUTE * MINUTE;
    private static final long LOOKBACK = 60 * MINUTE;

    @Test
    void aPaneReachesTheStoreOnceItsChangesAreWritten() {
        inOneProcessCall(2, (panes, store) -> {
            add(panes, "s1/bakery", 1);
            add(panes, "s1/bakery", 2);
            assertThat(store.fetch("s1/bakery", T0)).isNull();

            panes.writeChanged();

            assertThat(store.fetch("s1/bakery", T0).getOnTime().getLines()).isEqualTo(2);
        });
    }

    @Test
    void aChangedGroupLetGoOfIsWrittenAndReadBack() {
        inOneProcessCall(2, (panes, store) -> {
            add(panes, "s1/bakery", 3);
            panes.get("s1/toys", T0);
            panes.get("s2/toys", T0);

            assertThat(store.fetch("s1/bakery", T0).getOnTime().getLines()).isEqualTo(3);
            assertThat(panes.get("s1/bakery", T0).getOnTime().getLines()).isEqualTo(3);
        });
    }

    @Test
    void changedPanesAreWrittenBeforeTheyAreForgotten() {
        inOneProcessCall(2, (panes, store) -> {
            add(panes, "s1/bakery", 4);

            panes.forgetBefore(T0 + MINUTE);

            assertThat(store.fetch("s1/bakery", T0).getOnTime().getLines()).isEqualTo(4);
        });
    }

    @Test
    void aGroupLoadedAgainFurtherBackKeepsItsChangedPanes() {
        inOneProcessCall(2, (panes, store) -> {
            add(panes, "s1/bakery", 5);

            assertThat(panes.range("s1/bakery", T0 - 2 * LOOKBACK, T0)).singleElement()
                    .satisfies(pane -> assertThat(pane.value.getOnTime().getLines()).isEqualTo(5));
        });
    }

    /** As the processor changes a pane: read (which loads its group), then put. */
    private static void add(PaneCache panes, String group, long lines) {
        panes.get(group, T0);
        panes.put(group, T0, pane(lines));
    }

    private static TrendPane pane(long lines) {
        return TrendPane.newBuilder().setStoreId("s1").setStoreZipCode("10001").setDepartment("bakery")
                .setOnTime(new PaneTotals(lines, lines, lines * 100, MemberFingerprints.NONE, MemberFingerprints.NONE,
                        new HashMap<>()))
                .setLate(new ArrayList<>()).build();
    }

    private static void inOneProcessCall(int maxGroups, BiConsumer<PaneCache, WindowStore<String, TrendPane>> steps) {
        InsideATask.run(Stores.windowStoreBuilder(Stores.persistentWindowStore(TrendStores.PANES, Duration.ofDays(1),
                        Duration.ofMillis(MINUTE), false), Serdes.String(), new InternalAvroSerde<>(TrendPane.class))
                .withLoggingDisabled(), store -> steps.accept(new PaneCache(store, LOOKBACK, maxGroups), store));
    }
}
