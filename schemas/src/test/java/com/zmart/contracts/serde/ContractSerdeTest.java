package com.zmart.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import com.zmart.events.LoyaltyMember;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** A record of another contract fails deserialization (where the dead-letter handler takes it), not a later step. */
class ContractSerdeTest {

    private static final LoyaltyMember MEMBER = LoyaltyMember.newBuilder().setMemberId("member-000001")
            .setCustomerId("cust-000001").setEmail("customer1@zmart.example").setJoinedAt(Instant.EPOCH).build();

    @Test
    void letsTheTopicsContractThrough() {
        assertThat(serdeReturning(MEMBER).deserializer().deserialize("zmart.loyalty-members", new byte[] {0}))
                .isEqualTo(MEMBER);
        assertThat(serdeReturning(null).deserializer().deserialize("zmart.loyalty-members", new byte[] {0})).isNull();
    }

    @Test
    void refusesARecordOfAnotherContractWithoutQuotingIt() {
        // What the registry deserializer returns for a frame whose schema id names another contract.
        Deserializer<LoyaltyMember> deserializer = serdeReturning("4111111111111111 in a stray record").deserializer();
        assertThatThrownBy(() -> deserializer.deserialize("zmart.loyalty-members", new byte[] {0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("LoyaltyMember")
                .hasMessageNotContaining("4111");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Serde<LoyaltyMember> serdeReturning(Object value) {
        // Raw, as the registry deserializer is underneath: it returns whatever class the schema id names.
        Deserializer<LoyaltyMember> anything = (Deserializer) (topic, data) -> value;
        return new ContractSerde<>(Serdes.serdeFrom((topic, member) -> new byte[0], anything), LoyaltyMember.class);
    }
}
