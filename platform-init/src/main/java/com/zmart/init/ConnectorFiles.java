package com.zmart.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.platform.connect.ConnectorDeployer;

/**
 * The connector configurations the init step deploys: every {@code <name>.json} of the mounted folders, which are
 * the modules' own {@code src/main/resources/connectors} (the files the embedded platform deploys from its
 * classpath), with placeholders filled by {@link ConnectorDeployer#substitute} exactly as the platform does.
 */
public final class ConnectorFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorFiles() {
    }

    /** A connector's name (its file name) and its resolved configuration. */
    public record Connector(String name, Map<String, String> config) {
    }

    /** All connectors of the folders, in folder order then by name; an empty or missing folder is an error. */
    public static List<Connector> read(List<Path> dirs, Map<String, String> variables) {
        List<Connector> connectors = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list connector folder " + dir, e);
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("No connector configuration (*.json) in " + dir);
            }
            for (Path file : files) {
                connectors.add(read(file, variables));
            }
        }
        return connectors;
    }

    static Connector read(Path file, Map<String, String> variables) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".json".length());
        try {
            Map<String, String> raw = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() { });
            Map<String, String> resolved = new LinkedHashMap<>();
            raw.forEach((key, value) -> resolved.put(key, ConnectorDeployer.substitute(name, key, value, variables)));
            return new Connector(name, resolved);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read connector configuration " + file, e);
        }
    }
}
