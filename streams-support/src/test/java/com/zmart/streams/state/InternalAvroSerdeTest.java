package com.zmart.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import com.zmart.events.LoyaltyMember;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class InternalAvroSerdeTest {

    private final InternalAvroSerde<LoyaltyMember> serde = new InternalAvroSerde<>(LoyaltyMember.class);

    @Test
    void aRecordRoundTrips() {
        LoyaltyMember state = LoyaltyMember.newBuilder().setMemberId("member-1").setCustomerId("cust-000001")
                .setEmail("ada@example.com").setFirstName("Ada").setJoinedAt(Instant.parse("2025-03-01T10:00:00Z")).build();

        byte[] bytes = serde.serializer().serialize("store", state);

        assertThat(serde.deserializer().deserialize("store", bytes)).isEqualTo(state);
        assertThat(serde.serializer().serialize("store", null)).isNull();
        assertThat(serde.deserializer().deserialize("store", null)).isNull();
    }

    @Test
    void bytesOfAnotherSchemaAreRejected() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("store", new byte[] {(byte) 0xC3, 1, 9, 9, 9, 9, 9, 9, 9, 9}))
                .isInstanceOf(SerializationException.class);
    }
}
