package com.zmart.contracts.evolution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.avro.Schema;
import org.apache.avro.compiler.specific.SpecificCompiler;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The next version of a service, for rolling-upgrade tests: the same code, compiled against test-only evolutions of
 * its Avro records. {@link #withField} evolves a schema the way a BACKWARD-compatible change does (a field with a
 * default); {@link #loader} generates and compiles the evolved classes as the build does (strings as {@code String},
 * decimals as {@code BigDecimal}) and returns a class loader in which the service's code and its libraries see only
 * them. Only Kafka (the clients and Streams, which the test drives), logging and the JDK are shared with the test, so
 * the two versions exchange records the way two deployments do: as bytes on Kafka topics.
 */
public final class EvolvedContracts {

    /** Shared with the test's loader: what passes between the two versions in a test (Kafka's types), and the JDK. */
    private static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.",
            "org.xml.", "org.apache.kafka.", "org.rocksdb.", "org.slf4j.", "ch.qos.logback.", "org.junit.",
            "org.opentest4j.", "org.assertj.");

    private EvolvedContracts() {
    }

    /** {@code schema} plus a string field with a default: what an upgraded version adds, BACKWARD compatibly. */
    public static Schema withField(Schema schema, String name, String defaultValue) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field(name, Schema.create(Schema.Type.STRING), "Added by a test-only evolution.",
                defaultValue));
        Schema evolved = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
        schema.getObjectProps().forEach(evolved::addProp);
        return evolved;
    }

    /** A loader of the code on this class path in which each of {@code evolved}'s records has its evolved class. */
    public static ClassLoader loader(Path workDirectory, Schema... evolved) {
        try {
            Path sources = Files.createDirectories(workDirectory.resolve("sources"));
            Path classes = Files.createDirectories(workDirectory.resolve("classes"));
            for (Schema schema : evolved) {
                SpecificCompiler compiler = new SpecificCompiler(schema);
                compiler.setStringType(GenericData.StringType.String);
                compiler.setEnableDecimalLogicalType(true);
                compiler.compileToDestination(null, sources.toFile());
            }
            List<String> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            // The generated classes need only Avro.
            List<String> arguments = new ArrayList<>(List.of("-nowarn", "-d", classes.toString(), "-classpath",
                    location(SpecificRecordBase.class)));
            arguments.addAll(files);
            if (javac.run(null, null, System.err, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("The evolved records did not compile: " + files);
            }
            return new NextVersionLoader(classes, EvolvedContracts.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Child-first for everything but {@link #SHARED}: classes come from the evolved ones, then the test's class path. */
    private static final class NextVersionLoader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Path evolvedClasses;

        NextVersionLoader(Path evolvedClasses, ClassLoader classPath) {
            super("next-version", classPath);
            this.evolvedClasses = evolvedClasses;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (SHARED.stream().anyMatch(name::startsWith)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            String file = name.replace('.', '/') + ".class";
            try {
                Path evolved = evolvedClasses.resolve(file);
                byte[] bytes;
                if (Files.exists(evolved)) {
                    bytes = Files.readAllBytes(evolved);
                } else {
                    URL resource = getParent().getResource(file);
                    if (resource == null) {
                        throw new ClassNotFoundException(name);
                    }
                    try (InputStream in = resource.openStream()) {
                        bytes = in.readAllBytes();
                    }
                }
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
