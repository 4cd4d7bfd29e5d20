package com.zmart.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DemoCustomersTest {

    @Test
    void halfOfTheDrawsGoToTheFirstTwentiethAndEveryCustomerCanBeDrawn() {
        SplittableRandom random = new SplittableRandom(7);
        int[] drawn = new int[1_001];
        for (int i = 0; i < 100_000; i++) {
            drawn[DemoCustomers.draw(random, 1_000)]++;
        }
        assertThat(drawn[0]).isZero();
        long regulars = 0;
        for (int index = 1; index <= 50; index++) {
            regulars += drawn[index];
        }
        // Half of the draws, plus the regulars' share of the uniform half (5 %): 52.5 %.
        assertThat(regulars / 100_000.0).isBetween(0.515, 0.535);
        for (int index = 1; index <= 1_000; index++) {
            assertThat(drawn[index]).as("customer %d", index).isPositive();
        }
    }

    @Test
    void aBaseSmallerThanTwentyHasOneRegular() {
        SplittableRandom random = new SplittableRandom(3);
        int first = 0;
        for (int i = 0; i < 10_000; i++) {
            int index = DemoCustomers.draw(random, 10);
            assertThat(index).isBetween(1, 10);
            first += index == 1 ? 1 : 0;
        }
        assertThat(first / 10_000.0).isBetween(0.53, 0.57);
        assertThat(DemoCustomers.draw(random, 1)).isEqualTo(1);
        assertThatThrownBy(() -> DemoCustomers.draw(random, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreOneBasedAndPadded() {
        assertThat(DemoCustomers.id(1)).isEqualTo("cust-000001");
        assertThatThrownBy(() -> DemoCustomers.id(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
