package com.zmart.sales.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;

import com.zmart.contracts.carddata.CardDataScan;
import org.junit.jupiter.api.Test;

class StoreCatalogTest {

    @Test
    void theSameSeedGivesTheSameCatalog() {
        StoreCatalog a = new StoreCatalog(5, 50, 100, 0.4, 7);
        StoreCatalog b = new StoreCatalog(5, 50, 100, 0.4, 7);

        assertThat(a.stores()).isEqualTo(b.stores());
        assertThat(a.products()).isEqualTo(b.products());
        assertThat(a.customers()).isEqualTo(b.customers());
        assertThat(new StoreCatalog(5, 50, 100, 0.4, 8).customers()).isNotEqualTo(a.customers());
    }

    @Test
    void customersAreSharedByIdAndAboutTheRequestedShareAreMembers() {
        StoreCatalog catalog = new StoreCatalog(3, 10, 2000, 0.4, 42);

        assertThat(catalog.customers().get(0).id()).isEqualTo(StoreCatalog.customerId(1));
        long members = catalog.customers().stream().filter(c -> c.memberId().isPresent()).count();
        assertThat(members).isBetween(700L, 900L);
        assertThat(catalog.customers()).allSatisfy(c -> assertThat(CardDataScan.luhnValid(c.cardNumber())).isTrue());
    }

    @Test
    void cardNumbersAreLuhnValidAndTheCheckCatchesATypo() {
        String card = CardNumbers.next(new SplittableRandom(1));
        assertThat(card).hasSize(16).startsWith("4");
        assertThat(CardDataScan.luhnValid(card)).isTrue();
        assertThat(CardDataScan.luhnValid("4111111111111111")).isTrue();
        assertThat(CardDataScan.luhnValid("4111111111111112")).isFalse();
    }

    @Test
    void optionsRejectNonsense() {
        SimulatorOptions defaults = SimulatorOptions.defaults();
        assertThatThrownBy(() -> defaults.withRate(0)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new SimulatorOptions(1, Duration.ofSeconds(1), 0, 0, 1, 1, 0.5, 0.1, 1))
                .hasMessageContaining("stores");
        assertThatThrownBy(() -> new SimulatorOptions(1, Duration.ofSeconds(1), 0, 1, 1, 1, 1.5, 0.1, 1))
                .hasMessageContaining("memberShare");
    }
}
