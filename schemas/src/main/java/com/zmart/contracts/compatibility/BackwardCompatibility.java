package com.zmart.contracts.compatibility;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * BACKWARD compatibility, the rule the registry enforces on every subject: consumers using the new schema
 * must be able to read every record written with the previous one.
 */
public final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /** Returns the reasons {@code proposed} cannot read data written with {@code previous}; empty when compatible. */
    public static List<String> problems(Schema proposed, Schema previous) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(proposed, previous).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getIncompatibilities().stream().map(BackwardCompatibility::describe).toList();
    }

    private static String describe(Incompatibility incompatibility) {
        return incompatibility.getType() + " at " + incompatibility.getLocation() + ": " + incompatibility.getMessage();
    }
}
