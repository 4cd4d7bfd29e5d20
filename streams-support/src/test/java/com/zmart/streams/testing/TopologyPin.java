package com.zmart.streams.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.streams.Topology;

/**
 * Pins a topology's description (sub-topologies, processors, state stores, source and sink topics) to a file kept
 * with the service's tests. The names in it are part of a deployed application's state: a renamed processor or store
 * means new changelog and repartition topics after an upgrade, and the state in the old ones left behind. So a change
 * fails until the file is updated on purpose; the description the code now builds is written to
 * {@code target/topology/}, beside which the file can be compared and replaced.
 */
public final class TopologyPin {

    private TopologyPin() {
    }

    /** Fails unless {@code topology} is described exactly as the class-path resource {@code /topology/<name>.txt}. */
    public static void assertDescribedAsPinned(Topology topology, String name) {
        String actual = topology.describe().toString().strip() + "\n";
        String resource = "/topology/" + name + ".txt";
        String pinned = read(resource);
        if (actual.equals(pinned)) {
            return;
        }
        Path written = Path.of("target", "topology", name + ".txt");
        try {
            Files.createDirectories(written.getParent());
            Files.writeString(written, actual, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("The topology " + name + " is no longer described as pinned in src/test/resources"
                + resource + " (" + (pinned == null ? "missing" : "different") + "); the one the code builds now is in "
                + written.toAbsolutePath() + ". If the change is meant, check what it does to the application's "
                + "internal topics and stores on upgrade (docs/runbook.md), then copy that file over the pinned one.");
    }

    private static String read(String resource) {
        try (InputStream in = TopologyPin.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
