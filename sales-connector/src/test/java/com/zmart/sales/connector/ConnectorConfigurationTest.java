package com.zmart.sales.connector;

import com.zmart.platform.connect.ConnectorDeployer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The connector JSON, the database migration and the contracts live in three places; these checks keep them in
 * step: one row of the table, after the transform chain, is exactly one record of the contract.
 */
class ConnectorConfigurationTest {

    private static final Map<String, String> VARIABLES = PosConnectors.variables("db", 5432, "pos", "user", "secret");

    @Test
    void saleLineColumnsBecomeTheSaleContractFieldsInOrder() throws IOException {
        assertRowMapsOntoContract(PosConnectors.SALES, "sale_lines", Topics.SALES);
    }

    @Test
    void loyaltyMemberColumnsBecomeTheLoyaltyMemberContractFieldsInOrder() throws IOException {
        assertRowMapsOntoContract(PosConnectors.LOYALTY_MEMBERS, "loyalty_members", Topics.LOYALTY_MEMBERS);
    }

    @Test
    void theCardNumberIsMaskedBeforeAnythingElseSeesIt() {
        Map<String, String> config = ConnectorDeployer.configuration(PosConnectors.SALES, VARIABLES);
        List<String> chain = Arrays.asList(config.get("transforms").split(","));

        assertThat(chain.get(0)).isEqualTo("unwrap");
        assertThat(chain.get(1)).isEqualTo("mask");
        assertThat(config).containsEntry("transforms.mask.type", "com.zmart.connect.transforms.MaskCreditCard$Value")
                .containsEntry("transforms.mask.field", "card_number")
                // Connect must never write record contents into its logs.
                .containsEntry("errors.log.include.messages", "false");
    }

    @Test
    void placeholdersAreFilledAndAMissingOneIsNamed() {
        Map<String, String> config = ConnectorDeployer.configuration(PosConnectors.SALES, VARIABLES);
        assertThat(config).containsEntry("database.hostname", "db").containsEntry("database.port", "5432");
        assertThat(config.values()).noneMatch(v -> v.contains("${"));

        assertThatThrownBy(() -> ConnectorDeployer.configuration(PosConnectors.SALES, Map.of("POS_DB_HOST", "db")))
                .hasMessageContaining("${POS_DB_PORT}");
    }

    private static void assertRowMapsOntoContract(String connector, String table, TopicSpec<?, ?> topic) throws IOException {
        Map<String, String> config = ConnectorDeployer.configuration(connector, VARIABLES);
        assertThat(config.get("transforms.route.replacement")).isEqualTo(topic.name());
        assertThat(config.get("transforms.contract.schema.name")).isEqualTo(topic.valueSchema().getFullName());

        Map<String, String> renames = new LinkedHashMap<>();
        for (String pair : config.get("transforms.rename.renames").split(",")) {
            String[] fromTo = pair.split(":");
            renames.put(fromTo[0], fromTo[1]);
        }
        List<String> fields = columns(table).stream().map(c -> renames.getOrDefault(c, c)).toList();

        assertThat(fields).containsExactlyElementsOf(topic.valueSchema().getFields().stream().map(Schema.Field::name).toList());
    }

    /** Column names of a table, in order, from the migrations. */
    private static List<String> columns(String table) throws IOException {
        String sql;
        try (InputStream in = ConnectorConfigurationTest.class.getResourceAsStream("/db/migration/V1__point_of_sale.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher create = Pattern.compile("CREATE TABLE " + table + " \\((.*?)\\n\\);", Pattern.DOTALL).matcher(sql);
        assertThat(create.find()).as("CREATE TABLE " + table).isTrue();
        List<String> columns = new ArrayList<>();
        for (String line : create.group(1).split("\\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("--") && !trimmed.startsWith("PRIMARY KEY")) {
                columns.add(trimmed.split("\\s+")[0]);
            }
        }
        return columns;
    }
}
