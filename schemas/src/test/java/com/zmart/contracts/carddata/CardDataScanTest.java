package com.zmart.contracts.carddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CardDataScanTest {

    @Test
    void findsLuhnValidNumbersPlainOrGroupedAndIgnoresOthers() {
        byte[] bytes = "a 4111111111111111 b 4111-1111-1111-1111 c 4111111111111112 d xxxx-xxxx-xxxx-1111"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(CardDataScan.luhnValidRuns(bytes)).contains("4111111111111111").hasSize(2);
    }

    @Test
    void aUuidIsNoCardNumberEvenWhenItsDigitGroupsPassLuhn() {
        // The reorder id the hardening scan once flagged: its digits up to the first letter, 36574693848285146,
        // pass the Luhn check.
        String reorderId = "36574693-8482-8514-6a1c-0242ac120002";
        assertThat(CardDataScan.luhnValid("36574693848285146")).isTrue();

        assertThat(CardDataScan.luhnValidRuns(("reorder " + reorderId).getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(CardDataScan.luhnValidRuns((reorderId + " paid 4111-1111-1111-1111")
                .getBytes(StandardCharsets.UTF_8))).containsExactly("4111111111111111");
    }

    @Test
    void findsANumberHiddenInBinaryData() {
        byte[] bytes = {0, 1, '4', '0', '1', '2', '8', '8', '8', '8', '8', '8', '8', '8', '1', '8', '8', '1', 2};

        assertThat(CardDataScan.luhnValidRuns(bytes)).contains("4012888888881881");
    }

    @Test
    void knownNumbersAreFoundWithOrWithoutSeparators() {
        assertThat(CardDataScan.knownNumbers("paid with 4111 1111 1111 1111 today", List.of("4111111111111111", "5500000000000004")))
                .containsExactly("4111111111111111");
    }
}
