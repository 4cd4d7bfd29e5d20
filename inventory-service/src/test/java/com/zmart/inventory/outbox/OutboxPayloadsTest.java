package com.zmart.inventory.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zmart.contracts.evolution.EvolvedContracts;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.ReorderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A rolling upgrade across a BACKWARD-compatible change of {@code ReorderRequest}: rows the old version committed
     * and did not relay yet are read by the next version (this code compiled against a test-only evolution with one
     * more field), the new field at its default.
     */
    @Test
    void aPayloadTheOldVersionLeftIsReadByTheNextVersion(@TempDir Path work) throws Exception {
        byte[] leftInTheOutbox = OutboxPayloads.encode(reorder);
        ClassLoader next = EvolvedContracts.loader(work,
                EvolvedContracts.withField(ReorderRequest.getClassSchema(), "supplierId", "default-supplier"));
        Method decode = next.loadClass(OutboxPayloads.class.getName()).getDeclaredMethod("decode", String.class,
                byte[].class);
        decode.setAccessible(true);

        Object read = decode.invoke(null, Topics.REORDERS.name(), leftInTheOutbox);

        assertThat(read.getClass()).isNotSameAs(ReorderRequest.class);
        // The next version's record is of its own classes; compare them as Avro's JSON rendering.
        ObjectMapper json = new ObjectMapper();
        JsonNode fields = json.readTree(read.toString());
        assertThat(fields.get("supplierId").asText()).isEqualTo("default-supplier");
        JsonNode others = ((ObjectNode) fields).without("supplierId");
        assertThat(others).isEqualTo(json.readTree(reorder.toString()));
    }
}
