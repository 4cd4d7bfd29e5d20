package com.zmart.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityCheckTest {

    private static final String V1 = """
            {"type":"record","name":"Sale","namespace":"test","fields":[
              {"name":"transactionId","type":"string"},
              {"name":"quantity","type":"int"}]}""";

    @TempDir
    Path released;

    @Test
    void addingAFieldWithADefaultIsBackwardCompatible() {
        SchemaHistory history = historyWith(V1);
        Schema v2 = parse("""
                {"type":"record","name":"Sale","namespace":"test","fields":[
                  {"name":"transactionId","type":"string"},
                  {"name":"quantity","type":"int"},
                  {"name":"couponCode","type":["null","string"],"default":null}]}""");

        assertThat(CompatibilityCheckCli.check(history, List.of(v2))).isEmpty();
    }

    @Test
    void addingAFieldWithoutADefaultIsRejected() {
        SchemaHistory history = historyWith(V1);
        Schema v2 = parse("""
                {"type":"record","name":"Sale","namespace":"test","fields":[
                  {"name":"transactionId","type":"string"},
                  {"name":"quantity","type":"int"},
                  {"name":"storeId","type":"string"}]}""");

        assertThat(CompatibilityCheckCli.check(history, List.of(v2)))
                .singleElement().asString()
                .contains("test.Sale vs released v1")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("storeId");
    }

    @Test
    void changingAFieldTypeIsRejected() {
        SchemaHistory history = historyWith(V1);
        Schema v2 = parse("""
                {"type":"record","name":"Sale","namespace":"test","fields":[
                  {"name":"transactionId","type":"string"},
                  {"name":"quantity","type":"string"}]}""");

        assertThat(CompatibilityCheckCli.check(history, List.of(v2))).singleElement().asString()
                .contains("TYPE_MISMATCH");
    }

    @Test
    void comparesWithTheLatestReleasedVersion() {
        SchemaHistory history = historyWith(V1);
        Schema v2 = parse("""
                {"type":"record","name":"Sale","namespace":"test","fields":[
                  {"name":"transactionId","type":"string"},
                  {"name":"quantity","type":"int"},
                  {"name":"storeId","type":"string","default":"unknown"}]}""");
        history.release(v2);
        // Without a default, storeId breaks readers of v2 data, not of v1 data: v3 is checked against v2.
        Schema v3 = parse("""
                {"type":"record","name":"Sale","namespace":"test","fields":[
                  {"name":"transactionId","type":"string"},
                  {"name":"storeId","type":"string"}]}""");

        assertThat(history.latest("test.Sale")).get().extracting(SchemaHistory.Released::version).isEqualTo(2);
        assertThat(CompatibilityCheckCli.check(history, List.of(v3))).isEmpty();
    }

    @Test
    void aContractWithoutHistoryIsANewContract() {
        assertThat(CompatibilityCheckCli.check(new SchemaHistory(released), List.of(parse(V1)))).isEmpty();
    }

    @Test
    void theCurrentContractsAreCompatibleWithTheRepositorysReleasedVersions() {
        // The same check the build runs (exec:java at process-classes), here as a test of the real history folder.
        CompatibilityCheckCli.main(new String[] {"check", Path.of("released").toAbsolutePath().toString()});
    }

    private SchemaHistory historyWith(String schema) {
        SchemaHistory history = new SchemaHistory(released);
        history.release(parse(schema));
        return history;
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
