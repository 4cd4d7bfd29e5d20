package com.zmart.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * What a test leaves to read when the consumers stop making progress: each group's state, coordinator, members with
 * their assignments, and the partitions it has not committed to the end. With the thread dumps {@link SuiteExtension}
 * takes of every JVM when the test fails, a stalled catch-up says where it stood.
 */
final class StallReport {

    private StallReport() {
    }

    /** Writes the report under the suite's logs; answers its file. */
    static Path write(Suite suite, ConsumerLag lag, List<String> groups) {
        StringBuilder text = new StringBuilder();
        for (String group : groups) {
            text.append("group ").append(group).append('\n');
            try {
                describe(text, lag, group);
            } catch (RuntimeException e) {
                text.append("  could not describe it: ").append(e).append(", cause: ").append(e.getCause())
                        .append('\n');
            }
            text.append('\n');
        }
        Path file = suite.logs().resolve("stalled-groups.txt");
        try {
            Files.writeString(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void describe(StringBuilder text, ConsumerLag lag, String group) {
        ConsumerGroupDescription description = lag.describe(group);
        text.append("  state ").append(description.groupState()).append(", coordinator ")
                .append(description.coordinator()).append('\n');
        description.members().forEach(member -> text.append("  member ").append(member.consumerId())
                .append(" instance ").append(member.groupInstanceId().orElse("-"))
                .append(" assigned ").append(new TreeSet<>(member.assignment().topicPartitions().stream()
                        .map(Object::toString).toList())).append('\n'));
        lag.offsets(group, topic -> true).entrySet().stream()
                .filter(entry -> entry.getValue().committed() != entry.getValue().lastStable())
                .sorted(Comparator.comparing(entry -> entry.getKey().toString()))
                .forEach(entry -> text.append("  behind on ").append(entry.getKey()).append(": committed ")
                        .append(entry.getValue().committed()).append(", last stable ")
                        .append(entry.getValue().lastStable()).append('\n'));
    }
}
