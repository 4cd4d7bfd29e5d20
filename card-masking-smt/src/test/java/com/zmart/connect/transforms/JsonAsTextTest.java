package com.zmart.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

class JsonAsTextTest {

    private static final Schema ITEM = SchemaBuilder.struct().name("com.zmart.events.TopItem")
            .field("sku", Schema.STRING_SCHEMA).field("productName", Schema.STRING_SCHEMA)
            .field("units", Schema.INT64_SCHEMA).field("revenue", Decimal.schema(2)).build();
    private static final Schema TREND = SchemaBuilder.struct().name("com.zmart.events.SalesTrend")
            .field("storeId", Schema.STRING_SCHEMA).field("topItems", SchemaBuilder.array(ITEM).build())
            .field("units", Schema.INT64_SCHEMA).build();

    @Test
    void anArrayOfStructsBecomesItsJsonTextAndTheOtherFieldsStayAsTheyAre() {
        Struct trend = new Struct(TREND).put("storeId", "store-01").put("units", 5L).put("topItems", List.of(
                item("sku-1", "Milk \"2%\"", 3, "7.50"), item("sku-2", "Bread", 2, "4.00")));

        SinkRecord out = transform("topItems").apply(record(trend));

        assertThat(out.valueSchema().name()).isEqualTo("com.zmart.events.SalesTrend");
        assertThat(out.valueSchema().fields()).extracting(Field::name).containsExactly("storeId", "topItems", "units");
        Schema json = out.valueSchema().field("topItems").schema();
        assertThat(json.type()).isEqualTo(Schema.Type.STRING);
        assertThat(json.name()).isEqualTo(JsonAsText.JSON_SCHEMA_NAME);
        assertThat(json.isOptional()).isFalse();
        Struct value = (Struct) out.value();
        assertThat(value.getString("topItems")).isEqualTo("[{\"sku\":\"sku-1\",\"productName\":\"Milk \\\"2%\\\"\","
                + "\"units\":3,\"revenue\":7.50},{\"sku\":\"sku-2\",\"productName\":\"Bread\",\"units\":2,\"revenue\":4.00}]");
        assertThat(value.getString("storeId")).isEqualTo("store-01");
        assertThat(value.getInt64("units")).isEqualTo(5L);
        assertThat(out.key()).isEqualTo("key");
        assertThat(out.kafkaOffset()).isEqualTo(42);
    }

    @Test
    void anEmptyArrayIsAnEmptyJsonArray() {
        Struct trend = new Struct(TREND).put("storeId", "store-01").put("units", 0L).put("topItems", List.of());

        assertThat(((Struct) transform("topItems").apply(record(trend)).value()).getString("topItems")).isEqualTo("[]");
    }

    @Test
    void aFieldTheSchemaDoesNotHaveFailsTheRecordNamingIt() {
        Struct trend = new Struct(TREND).put("storeId", "store-01").put("units", 0L).put("topItems", List.of());

        assertThatThrownBy(() -> transform("bestSellers").apply(record(trend))).isInstanceOf(DataException.class)
                .hasMessageContaining("no field 'bestSellers'");
    }

    @Test
    void aTombstonePassesAndAValueWithoutSchemaFails() {
        SinkRecord tombstone = new SinkRecord("zmart.sales-trends", 0, Schema.STRING_SCHEMA, "key", null, null, 1);

        assertThat(transform("topItems").apply(tombstone)).isSameAs(tombstone);
        assertThatThrownBy(() -> transform("topItems").apply(new SinkRecord("zmart.sales-trends", 0, null, "key", null,
                Map.of("topItems", List.of()), 1))).isInstanceOf(DataException.class);
    }

    @Test
    void fieldsAreRequiredAndDistinct() {
        assertThatThrownBy(() -> new JsonAsText.Value<SinkRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new JsonAsText.Value<SinkRecord>().configure(Map.of(JsonAsText.FIELDS_CONFIG, "a,a")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void workersFindItThroughTheServiceLoader() {
        @SuppressWarnings("rawtypes")
        var names = ServiceLoader.load(Transformation.class).stream().map(p -> p.type().getName()).toList();

        assertThat(names).contains(JsonAsText.Value.class.getName());
    }

    private static Struct item(String sku, String name, long units, String revenue) {
        return new Struct(ITEM).put("sku", sku).put("productName", name).put("units", units)
                .put("revenue", new BigDecimal(revenue));
    }

    private static JsonAsText<SinkRecord> transform(String fields) {
        JsonAsText<SinkRecord> transform = new JsonAsText.Value<>();
        transform.configure(Map.of(JsonAsText.FIELDS_CONFIG, fields));
        return transform;
    }

    private static SinkRecord record(Struct value) {
        return new SinkRecord("zmart.sales-trends", 2, Schema.STRING_SCHEMA, "key", value.schema(), value, 42);
    }
}
