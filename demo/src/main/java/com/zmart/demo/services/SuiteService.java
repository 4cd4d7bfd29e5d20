package com.zmart.demo.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.zmart.platform.postgres.PostgresServer;

/**
 * A service of the suite as the demo runs it: its module's Spring Boot jar, its port, and the environment that
 * points it at the platform (the same variables docker-compose sets).
 */
public record SuiteService(String name, String module, int defaultPort, String docsPath,
                           Function<PlatformEndpoints, Map<String, String>> environment) {

    /** The API key of a local run: customer data and write endpoints need it (X-API-Key). Never used outside. */
    public static final String LOCAL_API_KEY = "zmart-local-demo-key";

    public static final SuiteService CLICKSTREAM = new SuiteService("clickstream", "clickstream-producer", 8090,
            "/swagger-ui.html", p -> kafka(p));

    public static final SuiteService REWARDS = new SuiteService("rewards", "rewards-service", 8091,
            "/swagger-ui.html", p -> with(kafka(p), Map.of("ZMART_API_KEYS", LOCAL_API_KEY,
                    "STREAMS_STATE_DIR", p.dataDirectory().resolve("rewards-state").toString(),
                    "STREAMS_INSTANCE_ID", "rewards",
                    "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(p.smtpPort()))));

    public static final SuiteService INVENTORY = new SuiteService("inventory", "inventory-service", 8092,
            "/swagger-ui.html", p -> with(kafka(p), Map.of("ZMART_API_KEYS", LOCAL_API_KEY,
                    "DATABASE_URL", p.jdbcUrl("inventory"),
                    "DATABASE_USER", PostgresServer.USER, "DATABASE_PASSWORD", "", "INSTANCE_ID", "inventory")));

    public static final SuiteService DASHBOARD = new SuiteService("dashboard", "sales-dashboard", 8093,
            "/", p -> database(p, "DASHBOARD_DB", "dashboard"));

    public static final SuiteService SALES_TRENDS = new SuiteService("sales-trends", "sales-trends-streams", 8094,
            "/swagger-ui.html", p -> with(kafka(p), Map.of(
                    "STREAMS_STATE_DIR", p.dataDirectory().resolve("sales-trends-state").toString(),
                    "STREAMS_INSTANCE_ID", "sales-trends")));

    /** In start order: the dashboard first, since it creates the tables its sink connectors write to. */
    public static final List<SuiteService> ALL = List.of(DASHBOARD, CLICKSTREAM, REWARDS, INVENTORY, SALES_TRENDS);

    public String jarName() {
        return module + "-" + Version.PROJECT + ".jar";
    }

    /** Streams' changelogs and repartition topics are replicated like the catalog's topics (compose.cluster.yml too). */
    private static Map<String, String> kafka(PlatformEndpoints p) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", p.bootstrapServers(), "REGISTRY_URL", p.registryApiUrl(),
                "STREAMS_REPLICATION_FACTOR", Short.toString(p.replicationFactor()));
    }

    private static Map<String, String> database(PlatformEndpoints p, String prefix, String name) {
        return Map.of(prefix + "_HOST", "127.0.0.1", prefix + "_PORT", Integer.toString(p.postgresPort()),
                prefix + "_NAME", name, prefix + "_USER", PostgresServer.USER, prefix + "_PASSWORD", "");
    }

    private static Map<String, String> with(Map<String, String> first, Map<String, String> second) {
        Map<String, String> all = new LinkedHashMap<>(first);
        all.putAll(second);
        return all;
    }
}
