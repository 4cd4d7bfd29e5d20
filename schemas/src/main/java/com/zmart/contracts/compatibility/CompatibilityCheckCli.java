package com.zmart.contracts.compatibility;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import org.apache.avro.Schema;

/**
 * Build gate for the contracts: {@code check <released-dir>} fails when a contract of the topic catalog is not
 * BACKWARD compatible with its last released version; {@code release <released-dir>} records the current
 * contracts that changed as new released versions (run it when cutting a release).
 *
 * <p>Runs inside Maven (exec:java), so failure is an exception, never {@code System.exit}.
 */
public final class CompatibilityCheckCli {

    private CompatibilityCheckCli() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("check") || args[0].equals("release"))) {
            throw new IllegalArgumentException("usage: CompatibilityCheckCli check|release <released-schemas-dir>");
        }
        SchemaHistory history = new SchemaHistory(Path.of(args[1]));
        List<Schema> contracts = Topics.avroTopics().stream().map(TopicSpec::valueSchema).distinct().toList();
        if (args[0].equals("check")) {
            List<String> failures = check(history, contracts);
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Contracts are not BACKWARD compatible with their released versions:\n  "
                        + String.join("\n  ", failures)
                        + "\nAdd new fields with defaults, or publish a new contract under a new topic.");
            }
            System.out.printf("Schema compatibility: %d contracts are BACKWARD compatible with their released versions%n",
                    contracts.size());
        } else {
            for (Schema contract : contracts) {
                boolean changed = history.latest(contract.getFullName()).map(r -> !r.schema().equals(contract)).orElse(true);
                if (changed) {
                    System.out.println("Released " + history.release(contract).file());
                }
            }
        }
    }

    /** One line per contract that breaks BACKWARD compatibility with its latest released version. */
    static List<String> check(SchemaHistory history, List<Schema> contracts) {
        List<String> failures = new ArrayList<>();
        for (Schema contract : contracts) {
            history.latest(contract.getFullName()).ifPresent(released ->
                    BackwardCompatibility.problems(contract, released.schema()).forEach(problem ->
                            failures.add(contract.getFullName() + " vs released v" + released.version() + ": " + problem)));
        }
        return failures;
    }
}
