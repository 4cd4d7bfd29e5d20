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
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.Sale;
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
    void salesAreKeyedByTheirMemberOrElseTheirTransactionAsSaleKeysSays() {
        Map<String, String> config = ConnectorDeployer.configuration(PosConnectors.SALES, VARIABLES);
        List<String> chain = Arrays.asList(config.get("transforms").split(","));

        assertThat(chain).containsExactly("unwrap", "mask", "rename", "contract", "key", "route");
        assertThat(config).containsEntry("transforms.key.type",
                "com.zmart.connect.transforms.FirstPresentFieldAsKey$Value");
        // Read after 'rename': the contract's names.
        List<String> fields = Arrays.stream(config.get("transforms.key.fields").split(",")).map(String::strip).toList();
        assertThat(fields).containsExactly("loyaltyMemberId", "transactionId");
        Schema contract = Topics.SALES.valueSchema();
        assertThat(fields).allSatisfy(f -> assertThat(contract.getField(f)).as("contract field %s", f).isNotNull());
        // The last field is never null, so every line gets a key.
        assertThat(contract.getField(fields.get(fields.size() - 1)).schema().getType()).isEqualTo(Schema.Type.STRING);

        Sale withMember = ContractFixtures.sale().setTransactionId("tx-9").setLoyaltyMemberId("member-4").build();
        Sale withoutMember = ContractFixtures.sale().setTransactionId("tx-9").setLoyaltyMemberId(null).build();
        for (Sale sale : List.of(withMember, withoutMember)) {
            Object key = fields.stream().map(sale::get).filter(Objects::nonNull).findFirst().orElseThrow();
            assertThat(key).hasToString(SaleKeys.of(sale));
        }
        assertThat(SaleKeys.of(withMember)).isEqualTo("member-4");
        assertThat(SaleKeys.of(withoutMember)).isEqualTo("tx-9");
    }

    /**
     * A source task's transaction holds its records and its offsets. Written to the worker's shared offsets topic, the
     * transaction a crashed worker left open would keep the next worker from reading that topic to its end, and so
     * from joining its group, until the broker timed the transaction out (a minute, performance.md); in a topic of the
     * connector's own, the new task fences the old one and aborts its transaction as it starts.
     */
    @Test
    void eachExactlyOnceSourceKeepsItsOffsetsInATopicOfItsOwn() {
        List<String> topics = new ArrayList<>();
        for (String connector : PosConnectors.ALL) {
            Map<String, String> config = ConnectorDeployer.configuration(connector, VARIABLES);
            assertThat(config).as(connector).containsEntry("exactly.once.support", "requested");
            // Named after the worker's own (zmart-connect-offsets), which it is not.
            assertThat(config.get("offsets.storage.topic")).as(connector).startsWith("zmart-connect-offsets-");
            topics.add(config.get("offsets.storage.topic"));
        }
        assertThat(topics).doesNotHaveDuplicates();
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
