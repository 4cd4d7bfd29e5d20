package com.zmart.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RewardsControllerTest {

    @ParameterizedTest
    @ValueSource(strings = {"member-000042", "M1", "a.b_c-d"})
    void memberIdsOfThePointOfSaleAreAccepted(String id) {
        assertThat(RewardsController.MEMBER_ID.matcher(id).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-leading-dash", "../etc/passwd", "<script>", "member 42", "ünïcode",
            "a234567890123456789012345678901234567890123456789012345678901234567890"})
    void anythingElseIsMalformed(String id) {
        assertThat(RewardsController.MEMBER_ID.matcher(id).matches()).isFalse();
    }
}
