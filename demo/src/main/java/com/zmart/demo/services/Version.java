package com.zmart.demo.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** What the build wrote into this module (demo.properties): the suite's version and where the repository is. */
public final class Version {

    static final String PROJECT;
    private static final Path REPOSITORY;

    static {
        try (InputStream in = Version.class.getResourceAsStream("/com/zmart/demo/demo.properties")) {
            if (in == null) {
                throw new IOException("demo.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            PROJECT = properties.getProperty("project.version");
            REPOSITORY = Path.of(properties.getProperty("repository")).normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Version() {
    }

    /** The repository root: module jars under {@code <module>/target}, connector files under the modules' sources. */
    public static Path repository() {
        return REPOSITORY;
    }
}
