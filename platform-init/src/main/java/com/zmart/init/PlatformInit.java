package com.zmart.init;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.zmart.contracts.topic.Topics;
import com.zmart.platform.kafka.TopicProvisioner;
import com.zmart.platform.registry.SchemaProvisioner;
import com.zmart.sales.simulator.PosDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compose stack's one-shot init step, the same work the embedded platform does at start (docs/runbook.md):
 * <ol>
 *   <li>migrates the point-of-sale database (Flyway, sales-connector's migrations): Debezium publishes its tables;</li>
 *   <li>creates the catalog's topics ({@link Topics#ALL}) that are missing, with {@link TopicProvisioner};</li>
 *   <li>registers every contract under the BACKWARD rule with {@link SchemaProvisioner};</li>
 *   <li>creates or updates every connector of the mounted folders ({@code PUT /connectors/<name>/config}) and waits
 *       until each runs.</li>
 * </ol>
 * Every step is idempotent, so the step can run again on every {@code docker compose up}. Exit status 0 lets the
 * services that depend on it ({@code service_completed_successfully}) start.
 */
public final class PlatformInit {

    private static final Logger log = LoggerFactory.getLogger(PlatformInit.class);
    private static final Duration BACKOFF = Duration.ofSeconds(2);

    private final InitSettings settings;

    public PlatformInit(InitSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        try {
            new PlatformInit(InitSettings.fromEnvironment(System.getenv())).run();
            System.exit(0);
        } catch (RuntimeException e) {
            log.error("Init failed: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    public void run() {
        // Read (and resolve) the connectors first: a missing placeholder value fails before anything changes.
        List<ConnectorFiles.Connector> connectors = ConnectorFiles.read(settings.connectorDirs(), settings.variables());

        int migrations = Retry.until("migrate the point-of-sale database", settings.timeout(), BACKOFF, e -> false,
                () -> PosDatabase.migrate(PosDatabase.dataSource(settings.posJdbcUrl(), settings.posUser(),
                        settings.posPassword())));
        log.info("Point-of-sale database: {} migration(s) applied", migrations);

        List<String> created = Retry.until("create the topics", settings.timeout(), BACKOFF, e -> false,
                () -> TopicProvisioner.createMissing(settings.bootstrapServers(), Topics.ALL, settings.replicationFactor()));
        log.info("Topics: {} created, {} in the catalog", created.size(), Topics.ALL.size());

        Map<String, Integer> ids = Retry.until("register the contracts", settings.timeout(), BACKOFF,
                e -> e instanceof SchemaProvisioner.SchemaRejectedException,
                () -> new SchemaProvisioner(settings.registryCcompat()).registerAll(Topics.ALL));
        ids.forEach((subject, id) -> log.info("Schema {} has id {}", subject, id));

        ConnectClient connect = new ConnectClient(settings.connectUrl());
        for (ConnectorFiles.Connector connector : connectors) {
            Retry.until("deploy connector " + connector.name(), settings.timeout(), BACKOFF,
                    e -> e instanceof ConnectClient.ConnectorFailedException, () -> {
                        connect.put(connector);
                        connect.awaitRunning(connector.name(), settings.timeout(), Duration.ofMillis(500));
                        return connector.name();
                    });
            log.info("Connector {} is running", connector.name());
        }
        log.info("Init done");
    }
}
