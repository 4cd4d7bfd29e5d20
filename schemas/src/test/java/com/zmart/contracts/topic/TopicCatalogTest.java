package com.zmart.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Rules every contract of the catalog follows, so that a new contract cannot quietly break them. */
class TopicCatalogTest {

    @Test
    void topicNamesAreUnique() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates();
    }

    @Test
    void everyAvroTopicHasItsOwnSubject() {
        assertThat(Topics.avroTopics()).extracting(TopicSpec::valueSubject)
                .allMatch(s -> s.endsWith("-value")).doesNotHaveDuplicates();
        assertThat(Topics.SALES.valueSubject()).isEqualTo("zmart.sales-value");
    }

    @Test
    void everyFieldIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        Topics.avroTopics().forEach(t -> visitRecords(t.valueSchema(), record -> {
            if (record.getDoc() == null) {
                undocumented.add(record.getFullName());
            }
            record.getFields().stream().filter(f -> f.doc() == null || f.doc().isBlank())
                    .forEach(f -> undocumented.add(record.getFullName() + "." + f.name()));
        }));
        assertThat(undocumented).isEmpty();
    }

    @Test
    void optionalFieldsHaveDefaultsSoContractsCanEvolve() {
        List<String> missing = new ArrayList<>();
        Topics.avroTopics().forEach(t -> visitRecords(t.valueSchema(), record -> record.getFields().stream()
                .filter(f -> f.schema().isNullable() && !f.hasDefaultValue())
                .forEach(f -> missing.add(record.getFullName() + "." + f.name()))));
        assertThat(missing).isEmpty();
    }

    @Test
    void moneyIsDecimalAndTimesAreTimestampMillis() {
        List<String> wrong = new ArrayList<>();
        Topics.avroTopics().forEach(t -> visitRecords(t.valueSchema(), record -> record.getFields().forEach(f -> {
            String name = f.name().toLowerCase();
            Schema type = f.schema();
            boolean money = name.contains("price") || name.contains("revenue") || name.equals("discount");
            boolean time = name.endsWith("at") || name.startsWith("window") && !name.equals("windowkind");
            if (money && !(type.getLogicalType() instanceof LogicalTypes.Decimal)) {
                wrong.add(record.getFullName() + "." + f.name() + " should be decimal");
            }
            if (time && !(type.getLogicalType() instanceof LogicalTypes.TimestampMillis)) {
                wrong.add(record.getFullName() + "." + f.name() + " should be timestamp-millis");
            }
        })));
        assertThat(wrong).isEmpty();
    }

    @Test
    void deadLetterTopicsCarryRawBytes() {
        assertThat(Topics.REWARDS_DLT.hasAvroValue()).isFalse();
        assertThatThrownBy(Topics.REWARDS_DLT::valueSchema).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookupByNameNamesTheMissingTopic() {
        assertThat(Topics.byName("zmart.sales")).isSameAs(Topics.SALES);
        assertThatThrownBy(() -> Topics.byName("sales")).hasMessageContaining("'sales'");
    }

    private static void visitRecords(Schema schema, java.util.function.Consumer<Schema> visitor) {
        switch (schema.getType()) {
            case RECORD -> {
                visitor.accept(schema);
                schema.getFields().forEach(f -> visitRecords(f.schema(), visitor));
            }
            case ARRAY -> visitRecords(schema.getElementType(), visitor);
            case UNION -> schema.getTypes().forEach(s -> visitRecords(s, visitor));
            default -> { }
        }
    }
}
