package com.zmart.platform.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.zmart.platform.process.PlatformStartupException;


/**
 * Finds a Java runtime of at least a given feature version: Apicurio Registry 3 needs Java 21+, while the suite
 * itself runs on 17. {@code ZMART_REGISTRY_JAVA_HOME}, when set, is the one place looked at (an operator who names a
 * runtime means that one, and hears about it if it is too old); otherwise {@code JAVA_HOME}, this JVM, then the usual
 * system JVM directories.
 */
public final class JavaRuntimeLocator {

    static final String ENV_OVERRIDE = "ZMART_REGISTRY_JAVA_HOME";
    private static final List<Path> SYSTEM_JVM_DIRS = List.of(Path.of("/usr/lib/jvm"),
            Path.of("/Library/Java/JavaVirtualMachines"), Path.of("/opt/java"), Path.of("/usr/local/lib/jvm"));

    private JavaRuntimeLocator() {
    }

    public static Path javaExecutable(int minimumVersion) {
        return javaExecutable(minimumVersion, System.getenv());
    }

    static Path javaExecutable(int minimumVersion, Map<String, String> environment) {
        String override = environment.get(ENV_OVERRIDE);
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return find(minimumVersion, List.of(home)).orElseThrow(() -> new PlatformStartupException(
                    ENV_OVERRIDE + "=" + home + " is " + featureVersion(home).map(v -> "Java " + v)
                            .orElse("not a Java runtime home (no release file or bin/java)")
                            + ", but Apicurio Registry needs Java " + minimumVersion + " or newer: point "
                            + ENV_OVERRIDE + " at a Java " + minimumVersion + "+ home, or unset it to search "
                            + "$JAVA_HOME, this JVM and " + SYSTEM_JVM_DIRS.get(0) + "."));
        }
        return find(minimumVersion, candidates(environment)).orElseThrow(() -> new PlatformStartupException(
                "Apicurio Registry needs Java " + minimumVersion + " or newer, and none was found in $JAVA_HOME, "
                        + "this JVM or " + SYSTEM_JVM_DIRS + ". Install one (a Temurin or OpenJDK " + minimumVersion
                        + "+ JDK or JRE) and set " + ENV_OVERRIDE + " to its home."));
    }

    static Optional<Path> find(int minimumVersion, List<Path> homes) {
        return homes.stream().filter(home -> featureVersion(home).orElse(0) >= minimumVersion)
                .map(home -> home.resolve("bin/java")).filter(Files::isExecutable).findFirst();
    }

    private static List<Path> candidates(Map<String, String> environment) {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(environment.get("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        for (Path dir : SYSTEM_JVM_DIRS) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    // macOS keeps the home under Contents/Home.
                    entries.sorted().forEach(p -> homes.add(Files.isDirectory(p.resolve("Contents/Home")) ? p.resolve("Contents/Home") : p));
                } catch (IOException ignored) {
                    // An unreadable directory has no usable runtime for us.
                }
            }
        }
        return homes;
    }

    /** Reads JAVA_VERSION from the runtime's {@code release} file ("17.0.15", "21", "1.8.0_392"). */
    static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (var in = Files.newInputStream(release)) {
            props.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
        String[] parts = version.split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return Optional.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
