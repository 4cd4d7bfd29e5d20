package com.zmart.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;

import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SchemaCachingDatumProviderTest {

    private static final ClickEvent CLICK = ClickEvent.newBuilder().setEventId("e-1").setCampaignId("spring")
            .setCustomerId("cust-1").setSessionId("s-1").setAction(ClickAction.ACTIVATED_COUPON)
            .setUrl("https://coupons.zmart.example/spring").setCouponCode(null)
            .setOccurredAt(Instant.parse("2026-12-03T10:00:00Z")).build();

    @Test
    void oneReaderAndOneWriterPerSchemaAndKindOfRecord() {
        SchemaCachingDatumProvider<Object> provider = new SchemaCachingDatumProvider<>();
        provider.configure(new AvroSerdeConfig(Map.of(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true)));

        assertThat(provider.createDatumReader(ClickEvent.SCHEMA$))
                .isSameAs(provider.createDatumReader(ClickEvent.SCHEMA$));
        DatumWriter<Object> specific = provider.createDatumWriter(CLICK, ClickEvent.SCHEMA$);
        assertThat(provider.createDatumWriter(CLICK, ClickEvent.SCHEMA$)).isSameAs(specific);
        assertThat(provider.createDatumWriter(new GenericData.Record(ClickEvent.SCHEMA$), ClickEvent.SCHEMA$))
                .as("generic records keep a writer of their own").isNotSameAs(specific);
    }

    @Test
    void theCachedReaderAndWriterStillRoundTripTheGeneratedClass() throws Exception {
        SchemaCachingDatumProvider<Object> provider = new SchemaCachingDatumProvider<>();
        provider.configure(new AvroSerdeConfig(Map.of(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        provider.createDatumWriter(CLICK, ClickEvent.SCHEMA$).write(CLICK, encoder);
        encoder.flush();

        DatumReader<Object> reader = provider.createDatumReader(ClickEvent.SCHEMA$);
        Object read = reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read).isInstanceOf(SpecificRecord.class).isEqualTo(CLICK);
    }
}
