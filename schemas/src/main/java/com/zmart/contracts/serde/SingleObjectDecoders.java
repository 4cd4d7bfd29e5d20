package com.zmart.contracts.serde;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageDecoder;

/**
 * Decoders of Avro single-object encoded records (a schema fingerprint, then the binary body) that also know every
 * released version of the record's contract ({@code schemas/released/<full name>/v<n>.avsc}, shipped in this jar). A
 * record written by an older version of a service, still in a repartition topic, a changelog or an outbox table during
 * a rolling upgrade, is then resolved to the reader's schema like any Avro schema evolution, instead of failing on an
 * unknown fingerprint.
 */
public final class SingleObjectDecoders {

    private static final String RELEASED = "released/";

    private SingleObjectDecoders() {
    }

    /** A decoder to {@code reader} that resolves records written with it or with any released version of its name. */
    public static <T> BinaryMessageDecoder<T> of(GenericData model, Schema reader) {
        BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(model, reader);
        released(reader.getFullName()).forEach(decoder::addSchema);
        return decoder;
    }

    /** The released versions of the contract named {@code fullName}, oldest first; none for an internal record. */
    public static List<Schema> released(String fullName) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = SingleObjectDecoders.class.getClassLoader();
        for (int version = 1; ; version++) {
            try (InputStream schema = loader.getResourceAsStream(RELEASED + fullName + "/v" + version + ".avsc")) {
                if (schema == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(schema));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read released v" + version + " of " + fullName, e);
            }
        }
    }
}
