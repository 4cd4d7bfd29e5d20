package com.zmart.rewards.topology;

import com.zmart.rewards.RewardsFixtures;
import com.zmart.streams.testing.DriverTopics;
import com.zmart.streams.testing.TopologyPin;
import org.junit.jupiter.api.Test;

class RewardsTopologyDescriptionTest {

    @Test
    void theTopologysNodesStoresAndTopicsAreThoseOfTheDeployedVersion() {
        TopologyPin.assertDescribedAsPinned(
                RewardsTopology.buildTopology(RewardsFixtures.properties(), new DriverTopics().streamsTopics()), "rewards");
    }
}
