package com.zmart.trends.topology;

import com.zmart.streams.testing.DriverTopics;
import com.zmart.streams.testing.TopologyPin;
import com.zmart.trends.TrendsFixtures;
import org.junit.jupiter.api.Test;

class SalesTrendsTopologyDescriptionTest {

    @Test
    void theTopologysNodesStoresAndTopicsAreThoseOfTheDeployedVersion() {
        TopologyPin.assertDescribedAsPinned(
                SalesTrendsTopology.buildTopology(TrendsFixtures.properties(), new DriverTopics().streamsTopics()),
                "sales-trends");
    }
}
