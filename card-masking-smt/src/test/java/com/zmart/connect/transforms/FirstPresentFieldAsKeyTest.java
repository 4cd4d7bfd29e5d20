package com.zmart.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

class FirstPresentFieldAsKeyTest {

    private static final Schema LINE_KEY = SchemaBuilder.struct().name("pos.public.sale_lines.Key")
            .field("transaction_id", Schema.STRING_SCHEMA).field("line_number", Schema.INT32_SCHEMA).build();
    private static final Schema SALE = SchemaBuilder.struct().name("com.zmart.events.Sale")
            .field("transactionId", Schema.STRING_SCHEMA).field("lineNumber", Schema.INT32_SCHEMA)
            .field("loyaltyMemberId", Schema.OPTIONAL_STRING_SCHEMA).field("couponCode", Schema.OPTIONAL_STRING_SCHEMA)
            .field("card", SchemaBuilder.struct().name("com.zmart.events.Card").field("number", Schema.STRING_SCHEMA)
                    .optional().build())
            .build();

    @Test
    void aLineWithAMemberIsKeyedByTheMember() {
        SourceRecord record = record(sale("tx-1", "member-7"));

        SourceRecord out = value("loyaltyMemberId,transactionId").apply(record);

        assertThat(out.key()).isEqualTo("member-7");
        assertThat(out.keySchema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(out.keySchema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(out.topic()).isEqualTo("zmart.sales");
        assertThat(out.kafkaPartition()).isNull();
        assertThat(out.value()).isSameAs(record.value());
        assertThat(out.valueSchema()).isSameAs(SALE);
        assertThat(out.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(out.headers().lastWithName("origin").value()).isEqualTo("pos");
    }

    @Test
    void aLineWithoutAMemberIsKeyedByItsTransaction() {
        SourceRecord out = value("loyaltyMemberId,transactionId").apply(record(sale("tx-1", null)));

        assertThat(out.key()).isEqualTo("tx-1");
        assertThat(out.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
    }

    @Test
    void everyFieldNullFailsNamingTheFieldsNeverTheValues() {
        Struct sale = sale("tx-1", null);

        assertThatThrownBy(() -> value("loyaltyMemberId,couponCode").apply(record(sale)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("loyaltyMemberId, couponCode")
                .hasMessageContaining("all null")
                .hasMessageContaining("zmart.sales")
                .hasMessageNotContaining("tx-1");
    }

    @Test
    void aFieldMissingFromTheSchemaFailsEvenWhenAnEarlierOneIsPresent() {
        assertThatThrownBy(() -> value("loyaltyMemberId,transaction_id").apply(record(sale("tx-1", "member-7"))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("com.zmart.events.Sale has no field 'transaction_id'")
                .hasMessageNotContaining("member-7");
    }

    @Test
    void aStructFieldIsRefused() {
        Struct sale = sale("tx-1", null).put("card", new Struct(SALE.field("card").schema()).put("number", "1"));

        assertThatThrownBy(() -> value("card,transactionId").apply(record(sale)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("field 'card'")
                .hasMessageContaining("STRUCT")
                .hasMessageContaining("primitive");
    }

    @Test
    void aTombstonePassesUnchanged() {
        SourceRecord tombstone = new SourceRecord(Map.of(), Map.of(), "zmart.sales", null, LINE_KEY,
                new Struct(LINE_KEY).put("transaction_id", "tx-1").put("line_number", 1), null, null);

        assertThat(value("loyaltyMemberId,transactionId").apply(tombstone)).isSameAs(tombstone);
    }

    @Test
    void schemalessValuesAreRefused() {
        SourceRecord schemaless = new SourceRecord(Map.of(), Map.of(), "zmart.sales", null, null, null, null,
                Map.of("transactionId", "tx-1"));

        assertThatThrownBy(() -> value("transactionId").apply(schemaless))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("not a struct with a schema");
    }

    @Test
    void theKeyVariantReadsTheKeyAndRefusesANullKey() {
        FirstPresentFieldAsKey<SourceRecord> transform = new FirstPresentFieldAsKey.Key<>();
        transform.configure(Map.of(FirstPresentFieldAsKey.FIELDS_CONFIG, "transaction_id"));
        Struct key = new Struct(LINE_KEY).put("transaction_id", "tx-1").put("line_number", 2);

        SourceRecord out = transform.apply(new SourceRecord(Map.of(), Map.of(), "zmart.sales", null, LINE_KEY, key,
                SALE, sale("tx-1", "member-7")));

        assertThat(out.key()).isEqualTo("tx-1");
        assertThat(out.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThatThrownBy(() -> transform.apply(new SourceRecord(Map.of(), Map.of(), "zmart.sales", null, null, null,
                SALE, sale("tx-1", null))))
                .isInstanceOf(DataException.class).hasMessageContaining("record key is null");
    }

    @Test
    void fieldsAreRequiredAndNoneMayBeBlankOrRepeated() {
        assertThatThrownBy(() -> new FirstPresentFieldAsKey.Value<SourceRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> value("")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> value("loyaltyMemberId, ,transactionId")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields");
        assertThatThrownBy(() -> value("transactionId,transactionId")).isInstanceOf(ConfigException.class);
        assertThat(errorsOf("")).isNotEmpty();
        assertThat(errorsOf("a,,b")).isNotEmpty();
        assertThat(errorsOf("loyaltyMemberId,transactionId")).isEmpty();
    }

    @Test
    void reportsAVersionAndItsConfig() {
        FirstPresentFieldAsKey<SourceRecord> transform = value("transactionId");

        assertThat(transform.version()).isNotBlank();
        assertThat(transform.config()).isSameAs(FirstPresentFieldAsKey.CONFIG_DEF);
        assertThat(FirstPresentFieldAsKey.CONFIG_DEF.names()).containsExactly(FirstPresentFieldAsKey.FIELDS_CONFIG);
        assertThat(FirstPresentFieldAsKey.OVERVIEW_DOC).contains(FirstPresentFieldAsKey.Value.class.getName());
    }

    @Test
    void workersFindBothVariantsThroughTheServiceLoader() {
        @SuppressWarnings("rawtypes")
        var names = ServiceLoader.load(Transformation.class).stream().map(p -> p.type().getName()).toList();

        assertThat(names).contains(FirstPresentFieldAsKey.Key.class.getName(),
                FirstPresentFieldAsKey.Value.class.getName());
    }

    private static List<String> errorsOf(String fields) {
        return FirstPresentFieldAsKey.CONFIG_DEF.validate(Map.of(FirstPresentFieldAsKey.FIELDS_CONFIG, fields)).stream()
                .map(ConfigValue::errorMessages).flatMap(List::stream).toList();
    }

    private static FirstPresentFieldAsKey<SourceRecord> value(String fields) {
        FirstPresentFieldAsKey<SourceRecord> transform = new FirstPresentFieldAsKey.Value<>();
        transform.configure(Map.of(FirstPresentFieldAsKey.FIELDS_CONFIG, fields));
        return transform;
    }

    private static Struct sale(String transactionId, String memberId) {
        return new Struct(SALE).put("transactionId", transactionId).put("lineNumber", 1)
                .put("loyaltyMemberId", memberId);
    }

    /** A record as Debezium hands it on: keyed by the row's primary key struct. */
    private static SourceRecord record(Struct sale) {
        Struct key = new Struct(LINE_KEY).put("transaction_id", sale.getString("transactionId"))
                .put("line_number", sale.getInt32("lineNumber"));
        return new SourceRecord(Map.of("server", "pos"), Map.of("lsn", 1L), "zmart.sales", null, LINE_KEY, key,
                SALE, sale, 1_700_000_000_000L, new ConnectHeaders().addString("origin", "pos"));
    }
}
