package com.zmart.inventory.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.ReorderRequest;
import org.junit.jupiter.api.Test;

class OutboxPayloadsTest {

    private final ReorderRequest reorder = ReorderRequest.newBuilder().setReorderId("0b6c3b4e-2f1f-4c55-9a4e-1b2f3c4d5e6f")
            .setStoreId("store-001").setSku("sku-00001").setCurrentLevel(4).setQuantityToOrder(100)
            .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();

    @Test
    void aPayloadReadsBackAsTheRecordOfItsTopic() {
        assertThat(OutboxPayloads.decode(Topics.REORDERS.name(), OutboxPayloads.encode(reorder))).isEqualTo(reorder);
    }

    @Test
    void aPayloadOfAnotherContractIsRefusedNotMisread() {
        byte[] payload = OutboxPayloads.encode(reorder);
        assertThatThrownBy(() -> OutboxPayloads.decode(Topics.INVENTORY_LEVELS.name(), payload))
                .hasMessageContaining(Topics.INVENTORY_LEVELS.name());
    }
}
