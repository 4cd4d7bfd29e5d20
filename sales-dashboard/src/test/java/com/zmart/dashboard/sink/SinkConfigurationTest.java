package com.zmart.dashboard.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.dashboard.support.TestDatabase;
import com.zmart.platform.connect.ConnectorDeployer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The contracts, the sink connectors' JSON and the dashboard's migration live in three places; these checks keep
 * them in step: a record of the topic, after the connector's transform, is exactly a row of the table the
 * migration created, and the connector upserts on that table's primary key.
 */
class SinkConfigurationTest {

    private static final Map<String, String> VARIABLES = DashboardSinks.variables("db", 5432, "dashboard", "user", "secret");

    @Test
    void aSalesTrendWithItsTopItemsAsJsonIsExactlyASalesTrendsRowUpsertedByItsWindow() throws SQLException {
        assertRecordIsRowOfTable(DashboardSinks.SALES_TRENDS, Topics.SALES_TRENDS, "sales_trends", Set.of("topItems"));
        assertThat(primaryKey("sales_trends")).containsExactly("store_id", "department", "window_kind", "window_start");
        assertThat(strings("SELECT data_type FROM information_schema.columns WHERE table_name = 'sales_trends' "
                + "AND column_name = ?", "top_items")).containsExactly("jsonb");
    }

    @Test
    void aCampaignConversionIsExactlyACampaignConversionsRowUpsertedByItsCampaign() throws SQLException {
        assertRecordIsRowOfTable(DashboardSinks.CAMPAIGN_CONVERSIONS, Topics.CAMPAIGN_CONVERSIONS, "campaign_conversions", Set.of());
        assertThat(primaryKey("campaign_conversions")).containsExactly("campaign_id");
    }

    @Test
    void aCampaignFunnelIsExactlyACampaignFunnelsRowUpsertedByItsCampaign() throws SQLException {
        assertRecordIsRowOfTable(DashboardSinks.CAMPAIGN_FUNNELS, Topics.CAMPAIGN_FUNNELS, "campaign_funnels", Set.of());
        assertThat(primaryKey("campaign_funnels")).containsExactly("campaign_id");
    }

    @Test
    void theSinksUpsertIntoTablesTheyNeitherCreateNorAlterNorDeleteFrom() {
        for (String sink : DashboardSinks.ALL) {
            assertThat(ConnectorDeployer.configuration(sink, VARIABLES)).as(sink)
                    .containsEntry("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector")
                    .containsEntry("insert.mode", "upsert")
                    .containsEntry("primary.key.mode", "record_value")
                    .containsEntry("schema.evolution", "none")
                    .containsEntry("delete.enabled", "false")
                    // Connect must never write record contents into its logs.
                    .containsEntry("errors.log.include.messages", "false")
                    // What cannot be read, or is of another contract, is set aside with its reason; the sink goes on.
                    .containsEntry("errors.tolerance", "all")
                    .containsEntry("errors.deadletterqueue.topic.name", Topics.SALES_DASHBOARD_DLT.name())
                    .containsEntry("errors.deadletterqueue.context.headers.enable", "true");
        }
    }

    @Test
    void placeholdersAreFilledAndAMissingOneIsNamed() {
        Map<String, String> config = ConnectorDeployer.configuration(DashboardSinks.SALES_TRENDS, VARIABLES);
        assertThat(config).containsEntry("connection.url", "jdbc:postgresql://db:5432/dashboard")
                .containsEntry("connection.username", "user").containsEntry("connection.password", "secret");
        assertThat(config.values()).noneMatch(v -> v.contains("${"));

        assertThatThrownBy(() -> ConnectorDeployer.configuration(DashboardSinks.CAMPAIGN_CONVERSIONS,
                Map.of("DASHBOARD_DB_HOST", "db"))).hasMessageContaining("${DASHBOARD_DB_PORT}");
    }

    /**
     * The record, after the connector's transforms (its contract required, {@code asJson} fields turned into JSON text,
     * fields renamed), has exactly the table's columns in order; nothing is dropped.
     */
    private static void assertRecordIsRowOfTable(String sink, TopicSpec<?, ?> topic, String table, Set<String> asJson)
            throws SQLException {
        Map<String, String> config = ConnectorDeployer.configuration(sink, VARIABLES);
        assertThat(config.get("topics")).isEqualTo(topic.name());
        assertThat(config.get("collection.name.format")).isEqualTo(table);
        assertThat(config.get("transforms")).isEqualTo(asJson.isEmpty() ? "contract,columns" : "contract,topItems,columns");
        assertThat(config.get("transforms.contract.type")).isEqualTo("com.zmart.connect.transforms.RequireSchema$Value");
        assertThat(config.get("transforms.contract.schema.name")).isEqualTo(topic.valueSchema().getFullName());
        if (!asJson.isEmpty()) {
            assertThat(config.get("transforms.topItems.type")).isEqualTo("com.zmart.connect.transforms.JsonAsText$Value");
            assertThat(Arrays.asList(config.get("transforms.topItems.fields").split(",")))
                    .containsExactlyInAnyOrderElementsOf(asJson);
        }
        assertThat(config.get("transforms.columns.type")).isEqualTo("org.apache.kafka.connect.transforms.ReplaceField$Value");
        assertThat(config).doesNotContainKeys("transforms.columns.exclude", "transforms.columns.include");

        Map<String, String> renames = new LinkedHashMap<>();
        for (String pair : config.get("transforms.columns.renames").split(",")) {
            String[] fromTo = pair.split(":");
            renames.put(fromTo[0], fromTo[1]);
        }
        List<String> columns = topic.valueSchema().getFields().stream().map(Schema.Field::name)
                .map(f -> renames.getOrDefault(f, f)).toList();

        assertThat(columns).containsExactlyElementsOf(tableColumns(table));
        assertThat(Arrays.asList(config.get("primary.key.fields").split(","))).containsExactlyElementsOf(primaryKey(table));
    }

    private static List<String> tableColumns(String table) throws SQLException {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", table);
    }

    private static List<String> primaryKey(String table) throws SQLException {
        return strings("""
                SELECT a.attname FROM pg_index i
                JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary ORDER BY k.n""", table);
    }

    private static List<String> strings(String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestDatabase.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
