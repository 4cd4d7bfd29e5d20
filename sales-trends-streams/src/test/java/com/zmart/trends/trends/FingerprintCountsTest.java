package com.zmart.trends.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FingerprintCountsTest {

    /** Random increments and decrements, with few distinct keys so probe runs collide and wrap, against a HashMap. */
    @Test
    void countsLikeAMapThroughGrowthAndDeletions() {
        Random random = new Random(11);
        FingerprintCounts counts = new FingerprintCounts();
        Map<Long, Integer> model = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            keys.add(i % 7 == 0 ? (i + 1) * 64L : MemberFingerprints.of("cust-" + i));
        }
        for (int step = 0; step < 200_000; step++) {
            long key = keys.get(random.nextInt(step < 100_000 ? keys.size() : 300));
            if (random.nextBoolean() || !model.containsKey(key)) {
                counts.increment(key);
                model.merge(key, 1, Integer::sum);
            } else {
                counts.decrement(key);
                model.computeIfPresent(key, (k, v) -> v == 1 ? null : v - 1);
            }
            assertThat(counts.size()).isEqualTo(model.size());
        }
        for (Map.Entry<Long, Integer> entry : model.entrySet()) {
            for (int i = 0; i < entry.getValue(); i++) {
                counts.decrement(entry.getKey());
            }
        }
        assertThat(counts.size()).isZero();
        assertThatThrownBy(() -> counts.decrement(keys.get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idsOfTheSameShapeNeverShareAFingerprint() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(seen.add(MemberFingerprints.of("cust-%06d".formatted(i)))).isTrue();
        }
    }
}
