package com.zmart.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.Restock;
import com.zmart.events.Sale;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
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

    @Test
    void aClientGetsASerializerAndADeserializerOfItsOwn() {
        assertThat(serdes.valueSerializer(Topics.SALES)).as("closed by its client, so never shared")
                .isNotSameAs(serdes.valueSerializer(Topics.SALES));
        assertThat(serdes.valueDeserializer(Topics.SALES)).isNotSameAs(serdes.valueDeserializer(Topics.SALES));
    }

    @Test
    void aClientOfSeveralTopicsWritesEachRecordWithItsTopicsSerializerAndOnlyThere() {
        Serializer<SpecificRecord> values = namingContracts().valueSerializer(List.of(Topics.SALES, Topics.RESTOCKS));
        Sale sale = ContractFixtures.sale().build();
        Restock restock = ContractFixtures.restock().build();

        assertThat(values.serialize(Topics.SALES.name(), sale)).asString(StandardCharsets.UTF_8).isEqualTo("Sale");
        assertThat(values.serialize(Topics.RESTOCKS.name(), restock)).asString(StandardCharsets.UTF_8)
                .isEqualTo("Restock");
        assertThatThrownBy(() -> values.serialize(Topics.SALES.name(), restock))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Sale records belong");
        assertThatThrownBy(() -> values.serialize(Topics.CLICKS.name(), sale))
                .isInstanceOf(SerializationException.class).hasMessageContaining("does not write");
    }

    /** Registry-free serdes whose serializers write the contract's name. */
    private static TopicSerdes namingContracts() {
        return new TopicSerdes() {
            @Override
            public <T extends SpecificRecord> Serde<T> avroSerde(Class<T> contract) {
                return Serdes.serdeFrom((topic, value) -> contract.getSimpleName().getBytes(StandardCharsets.UTF_8),
                        (topic, bytes) -> null);
            }
        };
    }
}
