package com.zmart.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.zmart.contracts.evolution.ReleasedVersions;
import com.zmart.events.CampaignFunnel;
import com.zmart.trends.state.Receipt;
import com.zmart.trends.state.TrendPane;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Store values and internal topics are read by the next version during a rolling upgrade: each record's current schema
 * ships as released (src/main/resources/released), so that version knows it as a writer.
 */
class StoreValueVersionsTest {

    @ParameterizedTest
    @ValueSource(classes = {Receipt.class, TrendPane.class, CampaignFunnel.class})
    void everyInternalRecordShipsItsCurrentVersion(Class<?> record) throws Exception {
        Schema current = (Schema) record.getMethod("getClassSchema").invoke(null);
        assertThat(ReleasedVersions.latestIs(current))
                .as("src/main/resources/released/%s/v<n>.avsc holds the current schema", current.getFullName()).isTrue();
    }
}
