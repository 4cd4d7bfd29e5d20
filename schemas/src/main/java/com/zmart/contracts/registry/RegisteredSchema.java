package com.zmart.contracts.registry;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * The form in which a contract is registered in the Schema Registry.
 *
 * <p>avro-maven-plugin with {@code stringType=String} stamps {@code "avro.java.string":"String"} on every string
 * in the generated classes' schemas. That property only tells the Java reader which class to build; it is not
 * part of the contract. Kafka Connect's converter never writes it, so if the services registered the stamped
 * form, the same topic would get two "different" schema versions that differ only by that property. We therefore
 * register (and check compatibility on) the schema with the property removed, and no client auto-registers.
 */
public final class RegisteredSchema {

    static final String JAVA_STRING_PROP = "avro.java.string";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegisteredSchema() {
    }

    /** The contract as registered: the generated schema minus Java-only string properties. */
    public static Schema of(Schema generated) {
        return new Schema.Parser().parse(canonicalJson(generated));
    }

    /** JSON text of the registered form, as sent to the registry. */
    public static String canonicalJson(Schema generated) {
        try {
            JsonNode tree = JSON.readTree(generated.toString());
            return JSON.writeValueAsString(stripJavaStringProps(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro produced unreadable schema JSON for " + generated.getFullName(), e);
        }
    }

    private static JsonNode stripJavaStringProps(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_STRING_PROP);
            // {"type":"string"} with no other property is written back as the plain "string".
            if (object.size() == 1 && object.path("type").isTextual() && object.get("type").asText().equals("string")) {
                return object.get("type");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(stripJavaStringProps(field.getValue()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, stripJavaStringProps(node.get(i)));
            }
        }
        return node;
    }
}
