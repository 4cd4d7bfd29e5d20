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
