package com.zmart.contracts.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * Released versions of the contracts, kept in the repository as {@code <dir>/<full name>/v<N>.avsc}
 * (each file fully self-contained, in registered form).
 */
public final class SchemaHistory {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private final Path root;

    public SchemaHistory(Path root) {
        this.root = root;
    }

    public Optional<Released> latest(String fullName) {
        Path dir = root.resolve(fullName);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Released::from).flatMap(Optional::stream)
                    .max(Comparator.comparingInt(Released::version));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list released schemas in " + dir, e);
        }
    }

    /** Writes {@code schema} as the next released version and returns it. */
    public Released release(Schema schema) {
        int next = latest(schema.getFullName()).map(r -> r.version() + 1).orElse(1);
        Path file = root.resolve(schema.getFullName()).resolve("v" + next + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.toString(true) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return new Released(next, file, schema);
    }

    public record Released(int version, Path file, Schema schema) {

        static Optional<Released> from(Path file) {
            Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                Schema schema = new Schema.Parser().parse(file.toFile());
                return Optional.of(new Released(Integer.parseInt(m.group(1)), file, schema));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read released schema " + file, e);
            }
        }
    }
}
