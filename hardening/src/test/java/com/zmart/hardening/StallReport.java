package com.zmart.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What a test leaves to read when the consumers stop making progress: each group's state, coordinator, members with
 * their assignments, and the partitions it has not committed to the end. With the thread dumps {@link SuiteExtension}
 * takes of every JVM when the test fails, a stalled catch-up says where it stood.
 */
final class StallReport {

    private StallReport() {
    }

    /** Writes the report under the suite's logs; answers its file. */
    static Path write(Suite suite, List<String> groups) {
        Path groupsFile = suite.logs().resolve("stalled-groups.txt");
        StringBuilder text = new StringBuilder();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers(),
                // Bounded: a stalled cluster must not stall its own report (the default waits 60 s per call).
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000))) {
            for (String group : groups) {
                text.append(describe(admin, group)).append('\n');
            }
        } catch (RuntimeException e) {
            text.append("could not describe the groups: ").append(e).append(", cause: ").append(e.getCause())
                    .append('\n');
        }
        try {
            Files.writeString(groupsFile, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groupsFile;
    }

    private static String describe(Admin admin, String group) {
        StringBuilder text = new StringBuilder("group ").append(group).append('\n');
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            text.append("  state ").append(description.groupState()).append(", coordinator ")
                    .append(description.coordinator()).append('\n');
            description.members().forEach(member -> text.append("  member ").append(member.consumerId())
                    .append(" instance ").append(member.groupInstanceId().orElse("-"))
                    .append(" assigned ").append(new TreeSet<>(member.assignment().topicPartitions()
                            .stream().map(TopicPartition::toString).toList())).append('\n'));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            Map<String, String> lags = new TreeMap<>();
            committed.forEach((partition, offset) -> {
                long end = ends.get(partition).offset();
                long at = offset == null ? 0 : offset.offset();
                if (end != at) {
                    lags.put(partition.toString(), "committed " + at + ", last stable " + end);
                }
            });
            lags.forEach((partition, lag) -> text.append("  behind on ").append(partition).append(": ").append(lag)
                    .append('\n'));
        } catch (ExecutionException e) {
            text.append("  could not describe it: ").append(e.getCause()).append('\n');
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            text.append("  interrupted\n");
        }
        return text.toString();
    }
}
