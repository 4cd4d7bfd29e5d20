package com.zmart.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.zmart.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

/** A topic's serdes follow from its spec: its key type, its contract or raw bytes. */
class TopicSerdesTest {

    private final TopicSerdes serdes = TopicSerdes.registry("http://registry.invalid/apis/registry/v3");

    @Test
    void keysAreSerializedAsTheirType() {
        assertThat(serdes.keySerializer(Topics.SALES).serialize("t", "tx-1")).asString().isEqualTo("tx-1");
        assertThat(serdes.keyDeserializer(Topics.REWARDS_DLT).deserialize("t", "tx-1".getBytes()))
                .isEqualTo("tx-1");
    }

    @Test
    void anAvroTopicsValuesGoThroughTheRegistryAndOnlyItsContractIsRead() {
        assertThat(serdes.valueSerde(Topics.SALES)).isInstanceOf(ContractSerde.class)
                .as("one serde per topic, its registry cache shared").isSameAs(serdes.valueSerde(Topics.SALES));
        assertThat(serdes.valueSerde(Topics.REWARD_NOTIFICATIONS))
                .isNotSameAs(serdes.valueSerde(Topics.COUPON_EMAILS));
    }

    @Test
    void deadLettersKeepTheirBytes() {
        byte[] original = {0, 1, 2};
        assertThat(serdes.valueSerializer(Topics.SALES_TRENDS_DLT).serialize("t", original)).isEqualTo(original);
        assertThat(serdes.valueDeserializer(Topics.SALES_TRENDS_DLT).deserialize("t", original)).isEqualTo(original);
    }
}
