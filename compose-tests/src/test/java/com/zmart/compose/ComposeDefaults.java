package com.zmart.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's docker-compose.yml and the local-demo defaults of its variables, as a user gets them. */
final class ComposeDefaults {

    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    static final Path COMPOSE_FILE = PROJECT.resolve("docker-compose.yml");

    private ComposeDefaults() {
    }

    /** The default of {@code ${NAME:-default}} in docker-compose.yml. */
    static String of(String variable) {
        try {
            Matcher m = Pattern.compile("\\$\\{" + variable + ":-([^}]*)}").matcher(Files.readString(COMPOSE_FILE));
            if (!m.find()) {
                throw new IllegalStateException("docker-compose.yml has no default for " + variable);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
