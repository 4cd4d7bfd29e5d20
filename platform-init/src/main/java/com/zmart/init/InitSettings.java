package com.zmart.init;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the init step needs, read from its environment (compose sets it; see docker-compose.yml). Every connector
 * placeholder ({@code ${POS_DB_HOST}}, {@code ${DASHBOARD_DB_PASSWORD}} ...) is filled from the same environment.
 *
 * @param bootstrapServers  Kafka, as the containers reach it
 * @param registryCcompat   the registry's Confluent-compatible API ({@code .../apis/ccompat/v7}), where contracts go
 * @param connectUrl        the Kafka Connect worker's REST API
 * @param replicationFactor replication of the catalog's topics (3 on the three-broker cluster)
 * @param connectorDirs     folders holding {@code <connector name>.json}, mounted from the modules that own them
 * @param posJdbcUrl        the point-of-sale database, migrated before its connectors start
 * @param posUser           its user
 * @param posPassword       its password
 * @param timeout           how long each step may wait for its server
 * @param variables         values for the connectors' placeholders
 */
public record InitSettings(String bootstrapServers, String registryCcompat, String connectUrl, short replicationFactor,
                           List<Path> connectorDirs, String posJdbcUrl, String posUser, String posPassword,
                           Duration timeout, Map<String, String> variables) {

    /** The environment variables this step reads itself (connector placeholders come on top). */
    public static final List<String> VARIABLES = List.of("KAFKA_BOOTSTRAP_SERVERS", "REGISTRY_CCOMPAT_URL", "CONNECT_URL",
            "REPLICATION_FACTOR", "CONNECTOR_DIRS", "INIT_TIMEOUT", "POS_DB_HOST", "POS_DB_PORT", "POS_DB_NAME",
            "POS_DB_USER", "POS_DB_PASSWORD");

    public static InitSettings fromEnvironment(Map<String, String> env) {
        short replication = Short.parseShort(env.getOrDefault("REPLICATION_FACTOR", "1"));
        if (replication < 1) {
            throw new IllegalArgumentException("REPLICATION_FACTOR must be at least 1, not " + replication);
        }
        List<Path> dirs = Arrays.stream(required(env, "CONNECTOR_DIRS").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        String posJdbcUrl = "jdbc:postgresql://" + required(env, "POS_DB_HOST") + ":" + required(env, "POS_DB_PORT")
                + "/" + required(env, "POS_DB_NAME");
        return new InitSettings(required(env, "KAFKA_BOOTSTRAP_SERVERS"), required(env, "REGISTRY_CCOMPAT_URL"),
                required(env, "CONNECT_URL"), replication, dirs, posJdbcUrl, required(env, "POS_DB_USER"),
                env.getOrDefault("POS_DB_PASSWORD", ""), Duration.parse(env.getOrDefault("INIT_TIMEOUT", "PT3M")),
                Map.copyOf(env));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Environment variable " + name + " is not set");
        }
        return value.strip();
    }
}
