package com.zmart.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import com.zmart.contracts.evolution.EvolvedContracts;
import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.events.Sale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade across a BACKWARD-compatible change of {@code Sale}: an instance still on the released v1 writes
 * single-object encoded sale lines (into a repartition topic, a changelog, an outbox row); the upgraded instance reads
 * them with v2, a test-only evolution of v1 that adds a field with a default.
 */
class SingleObjectDecodersTest {

    private static final Sale LINE = ContractFixtures.sale().setTransactionId("t-1").setLineNumber(2)
            .setLoyaltyMemberId("m-1").setSku("sku-001").setProductName("Kettle").setDepartment("kitchen").setQuantity(3)
            .setUnitPrice(new BigDecimal("19.99")).setDiscount(new BigDecimal("1.00"))
            .setPurchasedAt(Instant.parse("2026-12-03T10:00:00Z")).build();

    @Test
    void everyContractShipsItsReleasedVersionsAndInternalRecordsHaveNone() {
        assertThat(SingleObjectDecoders.released(Sale.getClassSchema().getFullName())).isNotEmpty();
        assertThat(SingleObjectDecoders.released("com.zmart.trends.state.TrendPane")).isEmpty();
    }

    @Test
    void theUpgradedReaderResolvesARecordWrittenWithTheReleasedVersion() throws Exception {
        Schema v1 = releasedV1();
        Schema v2 = withChannel(v1);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v2, v1).getType())
                .as("v2 reads v1").isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        byte[] writtenByV1 = writtenWith(v1);

        GenericRecord read = SingleObjectDecoders.<GenericRecord>of(GenericData.get(), v2).decode(writtenByV1);

        assertThat(read.get("transactionId")).hasToString("t-1");
        assertThat(read.get("lineNumber")).isEqualTo(2);
        assertThat(read.get("sku")).hasToString("sku-001");
        assertThat(read.get("channel")).hasToString("store");
    }

    @Test
    void aDecoderThatKnowsOnlyItsOwnSchemaCannotReadThem() throws Exception {
        Schema v1 = releasedV1();
        byte[] writtenByV1 = writtenWith(v1);

        BinaryMessageDecoder<GenericRecord> ownSchemaOnly = new BinaryMessageDecoder<>(GenericData.get(), withChannel(v1));

        assertThatThrownBy(() -> ownSchemaOnly.decode(writtenByV1)).isInstanceOf(MissingSchemaException.class);
    }

    private static Schema releasedV1() {
        List<Schema> released = SingleObjectDecoders.released(Sale.getClassSchema().getFullName());
        return released.get(0);
    }

    /** What the old instance writes: its generated class, whose schema has v1's fingerprint. */
    private static byte[] writtenWith(Schema v1) throws Exception {
        assertThat(SchemaNormalization.parsingFingerprint64(Sale.getClassSchema()))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(v1));
        ByteBuffer buffer = new BinaryMessageEncoder<Sale>(SpecificData.get(), Sale.getClassSchema()).encode(LINE);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** The test-only v2: v1 plus a string field with a default, a BACKWARD-compatible change. */
    private static Schema withChannel(Schema v1) {
        return EvolvedContracts.withField(v1, "channel", "store");
    }
}
