package com.zmart.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InitSettingsTest {

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
        env.put("REGISTRY_CCOMPAT_URL", "http://registry:8080/apis/ccompat/v7");
        env.put("CONNECT_URL", "http://connect:8083");
        env.put("CONNECTOR_DIRS", "/opt/zmart/connectors/sales-connector, /opt/zmart/connectors/sales-dashboard");
        env.put("POS_DB_HOST", "postgres");
        env.put("POS_DB_PORT", "5432");
        env.put("POS_DB_NAME", "pos");
        env.put("POS_DB_USER", "zmart");
        env.put("POS_DB_PASSWORD", "secret");
        return env;
    }

    @Test
    void readsTheEnvironmentWithDefaults() {
        InitSettings settings = InitSettings.fromEnvironment(env());

        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.posJdbcUrl()).isEqualTo("jdbc:postgresql://postgres:5432/pos");
        assertThat(settings.connectorDirs()).containsExactly(Path.of("/opt/zmart/connectors/sales-connector"),
                Path.of("/opt/zmart/connectors/sales-dashboard"));
        assertThat(settings.variables()).containsEntry("POS_DB_PASSWORD", "secret");
    }

    @Test
    void namesAMissingVariable() {
        Map<String, String> env = env();
        env.remove("CONNECT_URL");

        assertThatThrownBy(() -> InitSettings.fromEnvironment(env)).hasMessageContaining("CONNECT_URL");
    }

    @Test
    void refusesAZeroReplicationFactor() {
        Map<String, String> env = env();
        env.put("REPLICATION_FACTOR", "0");

        assertThatThrownBy(() -> InitSettings.fromEnvironment(env)).hasMessageContaining("REPLICATION_FACTOR");
    }

    @Test
    void everyVariableItReadsIsListed() {
        // The deployment checks compare compose's environment of the init step with this list.
        assertThat(InitSettings.VARIABLES).containsAll(env().keySet()).contains("REPLICATION_FACTOR", "INIT_TIMEOUT");
    }
}
