package com.zmart.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.zmart.events.Sale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;

class RegisteredSchemaTest {

    @Test
    void generatedSchemaCarriesTheJavaStringPropertyButTheRegisteredFormDoesNot() {
        assertThat(Sale.getClassSchema().toString()).contains(RegisteredSchema.JAVA_STRING_PROP);

        String registered = RegisteredSchema.canonicalJson(Sale.getClassSchema());

        assertThat(registered).doesNotContain(RegisteredSchema.JAVA_STRING_PROP);
        assertThat(registered).contains("\"logicalType\":\"decimal\"").contains("\"logicalType\":\"timestamp-millis\"");
    }

    @Test
    void registeredFormIsTheSameContract() {
        Schema registered = RegisteredSchema.of(Sale.getClassSchema());

        assertThat(registered.getFields()).hasSameSizeAs(Sale.getClassSchema().getFields());
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(Sale.getClassSchema(), registered).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(registered, Sale.getClassSchema()).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }
}
