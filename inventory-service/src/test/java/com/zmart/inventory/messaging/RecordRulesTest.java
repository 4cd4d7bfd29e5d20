package com.zmart.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import com.zmart.contracts.sale.SaleLineRules;
import com.zmart.events.Restock;
import com.zmart.events.Sale;
import com.zmart.inventory.Fixtures;
import com.zmart.contracts.deadletter.InvalidRecordException;
import com.zmart.inventory.restock.RestockRules;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class RecordRulesTest {

    @Test
    void aCompleteSaleLineBreaksNoRule() {
        assertThat(SaleLineRules.problems(Fixtures.sale("tx-1", 1, "store-001", "sku-00001", 2))).isEmpty();
    }

    @Test
    void saleRulesNameEachBrokenFieldWithoutItsValue() {
        Sale sale = Fixtures.sale(" ", 0, "", "sku-00001", 0);
        assertThat(SaleLineRules.problems(sale)).containsExactly(
                "transactionId must not be blank", "lineNumber must be at least 1", "storeId must not be blank",
                "quantity must be between 1 and 1000000");
        assertThat(SaleLineRules.problems(Fixtures.sale("tx-1", 1, "store-001", "sku-00001", 1_000_001)))
                .containsExactly("quantity must be between 1 and 1000000");
    }

    @Test
    void aReturnIsNotASaleLine() {
        assertThat(SaleLineRules.problems(Fixtures.sale("tx-1", 1, "store-001", "sku-00001", -1)))
                .containsExactly("quantity must be between 1 and 1000000");
    }

    @Test
    void aRestockNamesAReorderByUuidOrNotAtAll() {
        assertThat(RestockRules.problems(Fixtures.restock("store-001", "sku-00001", 5, null))).isEmpty();
        assertThat(RestockRules.problems(Fixtures.restock("store-001", "sku-00001", 5, UUID.randomUUID().toString()))).isEmpty();
        assertThat(RestockRules.problems(Fixtures.restock("store-001", "sku-00001", 0, "R-17")))
                .containsExactly("quantity must be between 1 and 1000000", "reorderId must be a UUID");
    }

    @Test
    void theValidatingDeserializerPassesValidRecordsAndRejectsTheOthers() {
        Restock valid = Fixtures.restock("store-001", "sku-00001", 5, null);
        Restock invalid = Fixtures.restock("store-001", "", 5, null);
        Deserializer<Restock> fixed = (topic, data) -> data.length == 1 ? valid : data.length == 2 ? invalid : null;
        try (var deserializer = new ValidatingDeserializer<>(fixed, RestockRules::problems)) {
            assertThat(deserializer.deserialize("t", new byte[1])).isSameAs(valid);
            assertThatThrownBy(() -> deserializer.deserialize("t", new byte[2]))
                    .isInstanceOf(InvalidRecordException.class).hasMessageContaining("sku must not be blank");
            assertThatThrownBy(() -> deserializer.deserialize("t", new byte[0]))
                    .isInstanceOf(InvalidRecordException.class).hasMessageContaining("no value");
        }
    }
}
