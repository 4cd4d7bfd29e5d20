package com.zmart.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

class RequireSchemaTest {

    private static final Schema TREND = SchemaBuilder.struct().name("com.zmart.events.SalesTrend")
            .field("storeId", Schema.STRING_SCHEMA).build();
    private static final Schema SALE = SchemaBuilder.struct().name("com.zmart.events.Sale")
            .field("maskedCardNumber", Schema.STRING_SCHEMA).build();

    @Test
    void aRecordOfTheNamedSchemaPassesUnchanged() {
        SinkRecord record = valueRecord(TREND, new Struct(TREND).put("storeId", "store-001"));

        assertThat(value("com.zmart.events.SalesTrend").apply(record)).isSameAs(record);
    }

    @Test
    void aRecordOfAnotherContractFailsNamingBothSchemasAndNeverItsContent() {
        SinkRecord record = valueRecord(SALE, new Struct(SALE).put("maskedCardNumber", "4111111111111111"));

        assertThatThrownBy(() -> value("com.zmart.events.SalesTrend").apply(record))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("value has schema 'com.zmart.events.Sale'")
                .hasMessageContaining("takes 'com.zmart.events.SalesTrend'")
                .hasMessageContaining("zmart.sales-trends")
                .hasMessageNotContaining("4111");
    }

    @Test
    void schemalessAndUnnamedValuesFail() {
        assertThatThrownBy(() -> value("com.zmart.events.SalesTrend").apply(valueRecord(null, Map.of("a", 1))))
                .isInstanceOf(DataException.class).hasMessageContaining("no schema");
        assertThatThrownBy(() -> value("com.zmart.events.SalesTrend")
                .apply(valueRecord(Schema.STRING_SCHEMA, "text")))
                .isInstanceOf(DataException.class).hasMessageContaining("an unnamed STRING schema");
    }

    @Test
    void aTombstonePassesForTheSinkToDecide() {
        SinkRecord tombstone = valueRecord(null, null);

        assertThat(value("com.zmart.events.SalesTrend").apply(tombstone)).isSameAs(tombstone);
    }

    @Test
    void anyOfSeveralNamesIsAccepted() {
        RequireSchema<SinkRecord> transform = value("com.zmart.events.Sale, com.zmart.events.SalesTrend");

        assertThat(transform.apply(valueRecord(SALE, new Struct(SALE).put("maskedCardNumber", "x")))).isNotNull();
        assertThat(transform.apply(valueRecord(TREND, new Struct(TREND).put("storeId", "s")))).isNotNull();
    }

    @Test
    void theKeyVariantChecksTheKey() {
        RequireSchema<SinkRecord> transform = new RequireSchema.Key<>();
        transform.configure(Map.of(RequireSchema.NAME_CONFIG, "com.zmart.events.SalesTrend"));
        SinkRecord stringKey = new SinkRecord("zmart.sales-trends", 0, Schema.STRING_SCHEMA, "k", TREND,
                new Struct(TREND).put("storeId", "s"), 0);

        assertThatThrownBy(() -> transform.apply(stringKey)).isInstanceOf(DataException.class)
                .hasMessageContaining("record key has an unnamed STRING schema");
    }

    @Test
    void aNameIsRequiredAndNoneMayBeEmpty() {
        assertThatThrownBy(() -> new RequireSchema.Value<SinkRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new RequireSchema.Value<SinkRecord>()
                .configure(Map.of(RequireSchema.NAME_CONFIG, "a,,b")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void workersFindBothVariantsThroughTheServiceLoader() {
        @SuppressWarnings("rawtypes")
        var names = ServiceLoader.load(Transformation.class).stream().map(p -> p.type().getName()).toList();

        assertThat(names).contains(RequireSchema.Key.class.getName(), RequireSchema.Value.class.getName());
    }

    private static RequireSchema<SinkRecord> value(String names) {
        RequireSchema<SinkRecord> transform = new RequireSchema.Value<>();
        transform.configure(Map.of(RequireSchema.NAME_CONFIG, names));
        return transform;
    }

    private static SinkRecord valueRecord(Schema schema, Object value) {
        return new SinkRecord("zmart.sales-trends", 2, Schema.STRING_SCHEMA, "key", schema, value, 42);
    }
}
