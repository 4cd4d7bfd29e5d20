package com.zmart.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.platform.kafka.TopicProvisioner;
import com.zmart.sales.simulator.PosDatabase;
import com.zmart.sales.simulator.RegisterSimulator;
import com.zmart.sales.simulator.SimulatorOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Narrower than the whole stack: the broker and database images docker-compose.yml runs, each started alone, with
 * the suite's own code against them, as the init step and the register simulator run it in compose.
 */
@RequiresDocker
class ComposeImagesRunTheSuitesCodeIT {

    /** The images of docker-compose.yml (deployment-checks keeps them pinned there). */
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    private static final String POSTGRES_IMAGE = "postgres:17.6";

    @Test
    void theInitStepCreatesTheCatalogsTopicsOnTheComposeBrokerOnce() throws Exception {
        try (KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)) {
            kafka.start();
            List<String> names = Topics.ALL.stream().map(TopicSpec::name).toList();

            assertThat(TopicProvisioner.createMissing(kafka.getBootstrapServers(), Topics.ALL, (short) 1))
                    .containsExactlyInAnyOrderElementsOf(names);
            // Run again (every `docker compose up` runs the init step): nothing more to create.
            assertThat(TopicProvisioner.createMissing(kafka.getBootstrapServers(), Topics.ALL, (short) 1)).isEmpty();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
                for (TopicSpec<?, ?> spec : Topics.ALL) {
                    assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                }
            }
        }
    }

    @Test
    void theRegistersWriteTheirSalesIntoTheComposeDatabaseReadyForLogicalDecoding() throws Exception {
        // The server flags of docker-compose.yml's postgres service that Debezium needs.
        try (PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_wal_senders=10", "-c", "max_replication_slots=10")) {
            postgres.start();
            DataSource pos = PosDatabase.dataSource(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());

            assertThat(PosDatabase.migrate(pos)).isEqualTo(1);
            RegisterSimulator registers = new RegisterSimulator(pos, SimulatorOptions.defaults().withRate(50)
                    .withLimit(Duration.ZERO, 40), Clock.systemUTC());
            registers.loadReferenceData();
            RegisterSimulator.Progress progress = registers.run(p -> { });

            assertThat(progress.transactions()).isEqualTo(40);
            try (Connection connection = pos.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SHOW wal_level")).isEqualTo("logical");
                assertThat(single(statement, "SELECT count(DISTINCT transaction_id) FROM sale_lines")).isEqualTo("40");
                assertThat(single(statement, "SELECT count(*) FROM sale_lines")).isEqualTo(Long.toString(progress.lines()));
            }
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
