package com.zmart.contracts.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Apicurio's datum provider, with its readers and writers cached by schema. The default one keys its caches by the
 * schema's parsing fingerprint, which it computes anew for every record (it rebuilds the schema's canonical text):
 * a tenth of a Streams thread's time in the sales-trends profile. A schema object is the same for every record of a
 * contract (the generated class's, or the one resolved for a registry id), and {@link Schema#hashCode()} is cached,
 * so a lookup here costs a hash probe.
 */
public class SchemaCachingDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    private final Map<Schema, DatumWriter<T>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> genericWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        // The default provider writes generated classes and generic records with different writers.
        Map<Schema, DatumWriter<T>> writers = data instanceof SpecificRecord ? specificWriters : genericWriters;
        return writers.computeIfAbsent(schema, s -> super.createDatumWriter(data, s));
    }

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        return readers.computeIfAbsent(schema, super::createDatumReader);
    }
}
