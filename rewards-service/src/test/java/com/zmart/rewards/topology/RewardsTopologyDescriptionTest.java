package com.zmart.rewards.topology;

import com.zmart.rewards.RewardsFixtures;
import com.zmart.streams.testing.TopologyPin;
import org.junit.jupiter.api.Test;

class RewardsTopologyDescriptionTest {

    @Test
    void theTopologysNodesStoresAndTopicsAreThoseOfTheDeployedVersion() {
        TopologyPin.assertDescribedAsPinned(
                RewardsTopology.buildTopology(RewardsFixtures.properties(), RewardsFixtures.plainSerdes()), "rewards");
    }
}
