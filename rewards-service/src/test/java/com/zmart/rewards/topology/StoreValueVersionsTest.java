package com.zmart.rewards.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zmart.contracts.evolution.ReleasedVersions;
import com.zmart.rewards.state.MemberRewards;
import org.junit.jupiter.api.Test;

/** The member store's changelog is read by the next version (RollingUpgradeIT): its current schema ships as released. */
class StoreValueVersionsTest {

    @Test
    void theMemberStoresValueShipsItsCurrentVersion() {
        assertThat(ReleasedVersions.latestIs(MemberRewards.getClassSchema()))
                .as("src/main/resources/released/%s/v<n>.avsc holds the current MemberRewards.avsc",
                        MemberRewards.getClassSchema().getFullName()).isTrue();
    }
}
