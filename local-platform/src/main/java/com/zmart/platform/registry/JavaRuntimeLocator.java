package com.zmart.platform.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.zmart.platform.PlatformStartupException;

/**
 * Finds a Java runtime of at least a given feature version: Apicurio Registry 3 needs Java 21+, while the suite
 * itself runs on 17. Looks at {@code ZMART_REGISTRY_JAVA_HOME}, {@code JAVA_HOME}, this JVM, then the usual
 * system JVM directories.
 */
public final class JavaRuntimeLocator {

    static final String ENV_OVERRIDE = "ZMART_REGISTRY_JAVA_HOME";
    private static final List<Path> SYSTEM_JVM_DIRS = List.of(Path.of("/usr/lib/jvm"),
            Path.of("/Library/Java/JavaVirtualMachines"), Path.of("/opt/java"), Path.of("/usr/local/lib/jvm"));

    private JavaRuntimeLocator() {
    }

    public static Path javaExecutable(int minimumVersion) {
        return find(minimumVersion, candidates()).orElseThrow(() -> new PlatformStartupException(
                "Apicurio Registry needs Java " + minimumVersion + " or newer, and none was found in $"
                        + ENV_OVERRIDE + ", $JAVA_HOME, this JVM or " + SYSTEM_JVM_DIRS
                        + ". Install one (e.g. 'apt-get install openjdk-21-jre-headless' or a Temurin 21+ JDK) or set "
                        + ENV_OVERRIDE + " to its home."));
    }

    static Optional<Path> find(int minimumVersion, List<Path> homes) {
        return homes.stream().filter(home -> featureVersion(home).orElse(0) >= minimumVersion)
                .map(home -> home.resolve("bin/java")).filter(Files::isExecutable).findFirst();
    }

    private static List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv(ENV_OVERRIDE)).map(Path::of).ifPresent(homes::add);
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
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
