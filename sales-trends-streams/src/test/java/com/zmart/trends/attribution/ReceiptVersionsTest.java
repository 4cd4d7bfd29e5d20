package com.zmart.trends.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import com.zmart.contracts.serde.SingleObjectDecoders;
import com.zmart.streams.state.InternalAvroSerde;
import com.zmart.trends.state.Receipt;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * A receipt written before parts existed (released v1, still in the open-receipts changelog or the
 * receipts-by-customer topic during a rolling upgrade) is read by this version as the purchase's part 1.
 */
class ReceiptVersionsTest {

    @Test
    void aReceiptOfTheReleasedV1IsReadAsItsPurchasesFirstPart() throws Exception {
        Schema v1 = SingleObjectDecoders.released(Receipt.getClassSchema().getFullName()).get(0);
        assertThat(v1.getField("firstLine")).as("v1 predates parts").isNull();
        GenericRecord written = new GenericRecordBuilder(v1).set("transactionId", "t-1").set("customerId", "cust-ada")
                .set("storeId", "store-001").set("purchasedAt", 1_000L).set("revenueCents", 2_400L)
                .set("couponCode", null).set("lines", 2).set("lastLineSeenAt", 2_000L).build();
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(written);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);

        try (InternalAvroSerde<Receipt> serde = new InternalAvroSerde<>(Receipt.class)) {
            Receipt read = serde.deserializer().deserialize("zmart-sales-trends-receipts-by-customer-repartition", bytes);

            assertThat(read.getTransactionId()).isEqualTo("t-1");
            assertThat(read.getRevenueCents()).isEqualTo(2_400L);
            assertThat(read.getLines()).isEqualTo(2);
            assertThat(read.getFirstLine()).isEqualTo(1);
        }
    }
}
