package com.zmart.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

import com.zmart.streams.testing.InsideATask;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/**
 * The objects in front of the dedup store: what reaches the store, and when. Each test runs its steps inside one
 * {@code process()} call of a task ({@link InsideATask}), so no commit (and no {@code BeforeCommit}) comes between
 * them.
 */
class RecentGroupsTest {

    private static final long T0 = 1_764_000_000_000L;

    @Test
    void aGroupReachesTheStoreOnlyWhenItsChangesAreWritten() {
        inOneProcessCall((groups, store) -> {
            assertThat(groups.add("t1", T0, "1")).isTrue();
            assertThat(groups.add("t1", T0, "2")).isTrue();
            assertThat(groups.add("t1", T0, "1")).isFalse();
            assertThat(store.fetch("t1", T0)).isNull();

            groups.writeChanged();

            assertThat(store.fetch("t1", T0)).containsExactly("1", "2");
        });
    }

    @Test
    void aChangedGroupLetGoOfIsWrittenAndStillRecognised() {
        inOneProcessCall((groups, store) -> {
            groups.add("t0", T0, "1");
            for (int i = 1; i <= 2_000; i++) {
                groups.add("t" + i, T0, "1");
            }

            assertThat(store.fetch("t0", T0)).containsExactly("1");
            assertThat(groups.add("t0", T0, "1")).isFalse();
            assertThat(groups.add("t0", T0, "2")).isTrue();
        });
    }

    @Test
    void aGroupReadFromTheStoreKeepsItsMembers() {
        inOneProcessCall((groups, store) -> {
            groups.add("t1", T0, "1");
            groups.writeChanged();
            RecentGroups afterARestart = new RecentGroups(store);

            assertThat(afterARestart.add("t1", T0, "1")).isFalse();
            assertThat(afterARestart.add("t1", T0 + 1, "1")).isTrue();
        });
    }

    private static void inOneProcessCall(BiConsumer<RecentGroups, WindowStore<String, List<String>>> steps) {
        InsideATask.run(FirstSeenFilter.seenStore("seen", Duration.ofHours(1)).withCachingDisabled()
                .withLoggingDisabled(), store -> steps.accept(new RecentGroups(store), store));
    }
}
