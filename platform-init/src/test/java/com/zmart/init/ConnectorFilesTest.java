package com.zmart.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorFilesTest {

    private static final Map<String, String> POS = Map.of("POS_DB_HOST", "postgres", "POS_DB_PORT", "5432",
            "POS_DB_NAME", "pos", "POS_DB_USER", "zmart", "POS_DB_PASSWORD", "pw");

    @Test
    void readsEveryJsonFileOfEachFolderAndFillsThePlaceholders(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b-sink.json"), "{\"connection.url\": \"jdbc:postgresql://${POS_DB_HOST}:${POS_DB_PORT}/x\"}");
        Files.writeString(dir.resolve("a-source.json"), "{\"database.password\": \"${POS_DB_PASSWORD}\", \"tasks.max\": \"1\"}");
        Files.writeString(dir.resolve("README.md"), "not a connector");

        List<ConnectorFiles.Connector> connectors = ConnectorFiles.read(List.of(dir), POS);

        assertThat(connectors).extracting(ConnectorFiles.Connector::name).containsExactly("a-source", "b-sink");
        assertThat(connectors.get(0).config()).containsEntry("database.password", "pw").containsEntry("tasks.max", "1");
        assertThat(connectors.get(1).config()).containsEntry("connection.url", "jdbc:postgresql://postgres:5432/x");
    }

    @Test
    void aPlaceholderWithoutValueIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("c.json"), "{\"connection.password\": \"${DASHBOARD_DB_PASSWORD}\"}");

        assertThatThrownBy(() -> ConnectorFiles.read(List.of(dir), POS))
                .hasMessageContaining("DASHBOARD_DB_PASSWORD").hasMessageContaining("connection.password");
    }

    @Test
    void aFolderWithoutConnectorsIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> ConnectorFiles.read(List.of(dir), POS)).hasMessageContaining("No connector configuration");
        assertThatThrownBy(() -> ConnectorFiles.read(List.of(dir.resolve("missing")), POS)).hasMessageContaining("missing");
    }

    @Test
    void readsTheSalesConnectorsOfTheRepository() {
        // The folder compose mounts into the init container.
        Path pos = Path.of("..", "sales-connector", "src", "main", "resources", "connectors");

        List<ConnectorFiles.Connector> connectors = ConnectorFiles.read(List.of(pos), POS);

        assertThat(connectors).extracting(ConnectorFiles.Connector::name).contains("zmart-pos-sales", "zmart-pos-loyalty-members");
        assertThat(connectors).allSatisfy(c -> assertThat(c.config().values()).noneMatch(v -> v.contains("${")));
    }
}
