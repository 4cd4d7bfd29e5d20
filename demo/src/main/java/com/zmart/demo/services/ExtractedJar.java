package com.zmart.demo.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zmart.platform.process.Directories;
import com.zmart.platform.process.PlatformStartupException;


/**
 * A service's Spring Boot jar as Spring Boot's own extract tool lays it out: an application jar whose manifest lists
 * the libraries in {@code lib/}, started with {@code java -jar} and plain class-path loading. A JVM starts the
 * service from it with about a third less CPU than from the fat jar's nested jars (8-10 against 12-15 CPU seconds for
 * rewards on this project's 2-core machines), which is what a start costs when other services compete for the
 * cores, as after a crash. The container images run the same layout.
 */
final class ExtractedJar {

    private static final String SOURCE_MARK = ".extracted-from";

    private ExtractedJar() {
    }

    /**
     * The application jar extracted from {@code jar} into {@code directory}; extracted again only when the jar has
     * changed since (its path, size and modification time are kept beside the extraction).
     */
    static Path of(Path jar, Path directory, Path java) {
        Path application = directory.resolve(jar.getFileName());
        try {
            String source = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            Path mark = directory.resolve(SOURCE_MARK);
            if (Files.isRegularFile(application) && Files.isRegularFile(mark) && Files.readString(mark).equals(source)) {
                return application;
            }
            Directories.deleteTree(directory);
            Files.createDirectories(directory.getParent());
            Path log = directory.resolveSibling(directory.getFileName() + "-extract.log");
            Process extract = new ProcessBuilder(List.of(java.toString(), "-XX:TieredStopAtLevel=1",
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", directory.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!extract.waitFor(2, TimeUnit.MINUTES)) {
                extract.destroyForcibly();
                throw new PlatformStartupException("Extracting " + jar + " took over 2 minutes; see " + log);
            }
            if (extract.exitValue() != 0 || !Files.isRegularFile(application)) {
                throw new PlatformStartupException("Extracting " + jar + " failed (exit " + extract.exitValue()
                        + "); see " + log);
            }
            Files.writeString(mark, source);
            return application;
        } catch (IOException e) {
            throw new PlatformStartupException("Cannot extract " + jar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartupException("Interrupted while extracting " + jar, e);
        }
    }
}
