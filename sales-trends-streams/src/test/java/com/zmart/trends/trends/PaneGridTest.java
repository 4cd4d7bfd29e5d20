package com.zmart.trends.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import com.zmart.trends.config.TrendWindow;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.junit.jupiter.api.Test;

class PaneGridTest {

    @Test
    void thePaneDividesEverySizeAndAdvance() {
        assertThat(PaneGrid.of(List.of(TrendWindow.tumbling(Duration.ofMinutes(1)),
                TrendWindow.hopping(Duration.ofHours(1), Duration.ofMinutes(5)))).paneMs()).isEqualTo(60_000);
        assertThat(PaneGrid.of(List.of(TrendWindow.tumbling(Duration.ofSeconds(90)),
                TrendWindow.hopping(Duration.ofHours(1), Duration.ofMinutes(5)))).paneMs()).isEqualTo(30_000);
        assertThat(PaneGrid.of(List.of(TrendWindow.hopping(Duration.ofMinutes(10), Duration.ofMinutes(4))))
                .paneMs()).isEqualTo(120_000);
    }

    @Test
    void theWindowsHoldingATimeAreThoseOfTimeWindows() {
        Random random = new Random(7);
        for (TrendWindow view : List.of(TrendWindow.tumbling(Duration.ofMinutes(1)),
                TrendWindow.hopping(Duration.ofHours(1), Duration.ofMinutes(5)),
                TrendWindow.hopping(Duration.ofMinutes(10), Duration.ofMinutes(4)))) {
            TimeWindows windows = TimeWindows.ofSizeWithNoGrace(view.size()).advanceBy(Duration.ofMillis(view.advanceMs()));
            for (int i = 0; i < 10_000; i++) {
                long time = i < 10 ? i * 1_000L : Math.abs(random.nextLong() % 4_000_000_000_000L);
                List<Long> starts = java.util.Arrays.stream(PaneGrid.windowStarts(view, time)).boxed().toList();
                assertThat(starts).as("%s at %d", view.kind(), time)
                        .containsExactlyElementsOf(windows.windowsFor(time).keySet());
            }
        }
    }

    @Test
    void aLineCountsFromItsPanesEndUntilThatHasClosed() {
        PaneGrid grid = PaneGrid.of(List.of(TrendWindow.tumbling(Duration.ofMinutes(1))));
        assertThat(grid.countsFrom(120_000, 150_000)).as("on time").isEqualTo(180_000);
        assertThat(grid.countsFrom(120_000, 179_999)).as("its pane still open").isEqualTo(180_000);
        assertThat(grid.countsFrom(120_000, 180_000)).as("its pane closed").isEqualTo(240_000);
    }
}
