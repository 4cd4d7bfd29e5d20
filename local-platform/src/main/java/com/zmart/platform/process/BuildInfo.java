package com.zmart.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Facts the build wrote into this module (platform.properties): where the registry bundle and Connect plugins are. */
public final class BuildInfo {

    private static final String RESOURCE = "/com/zmart/platform/platform.properties";
    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String registryVersion() {
        return required("registry.version");
    }

    public static Path registryBundle() {
        return Path.of(Optional.ofNullable(System.getenv("ZMART_REGISTRY_BUNDLE")).orElseGet(() -> required("registry.bundle")));
    }

    /** The plugin folders of the connect-plugins module (the Apicurio converter, and the connectors of the suite). */
    public static Path connectPlugins() {
        return Path.of(Optional.ofNullable(System.getenv("ZMART_CONNECT_PLUGINS")).orElseGet(() -> required("connect.plugins")))
                .normalize();
    }

    private static String required(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null || value.contains("@")) {
            throw new PlatformStartupException("local-platform was built without " + key + " in " + RESOURCE
                    + ": rebuild it with './mvnw install -DskipTests'");
        }
        return value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new PlatformStartupException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
