package com.zmart.platform.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.zmart.platform.PlatformStartupException;
import com.zmart.platform.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Real KRaft Kafka brokers in this JVM: Kafka's own {@link KafkaRaftServer}, the class {@code kafka-server-start.sh}
 * runs, each node acting as broker and controller, listening on loopback only, its logs in the platform's data
 * directory so that a restart finds its topics again. With three nodes the cluster behaves like production:
 * a three-voter quorum, replication factor 3 and min.insync.replicas 2.
 */
public final class KafkaBrokers implements AutoCloseable {

    /** Fixed, so that a restart finds its own logs (a KRaft cluster id is 16 bytes in base64). */
    static final String CLUSTER_ID = "zmartLocalPlatform0000";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final List<KafkaConfig> configs;
    private final String bootstrapServers;
    private List<KafkaRaftServer> servers;

    private KafkaBrokers(List<KafkaConfig> configs, List<KafkaRaftServer> servers, String bootstrapServers) {
        this.configs = configs;
        this.servers = servers;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBrokers start(int count, int firstPort, Path dataDirectory) {
        int[] brokerPorts = IntStream.range(0, count)
                .map(i -> Ports.claim(firstPort == 0 ? 0 : firstPort + i, "Kafka broker " + (i + 1), "--kafka-port")).toArray();
        int[] controllerPorts = IntStream.range(0, count).map(i -> Ports.anyFree()).toArray();
        String voters = IntStream.range(0, count)
                .mapToObj(i -> i + "@" + Ports.LOOPBACK + ":" + controllerPorts[i]).collect(Collectors.joining(","));
        String bootstrap = IntStream.of(brokerPorts).mapToObj(p -> Ports.LOOPBACK + ":" + p).collect(Collectors.joining(","));
        // One folder per cluster shape: a 3-broker cluster cannot reuse a 1-broker cluster's logs.
        Path root = dataDirectory.resolve("kafka-" + count + (count == 1 ? "-broker" : "-brokers"));

        List<KafkaRaftServer> servers = new ArrayList<>();
        try {
            List<KafkaConfig> configs = new ArrayList<>();
            for (int id = 0; id < count; id++) {
                Path logs = root.resolve("node-" + id);
                Files.createDirectories(logs);
                KafkaConfig config = new KafkaConfig(nodeConfig(id, count, brokerPorts[id], controllerPorts[id], voters, logs));
                format(id, logs);
                configs.add(config);
            }
            servers.addAll(startServers(configs));
            awaitBrokers(bootstrap, count);
            return new KafkaBrokers(configs, servers, bootstrap);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stopAll(servers);
            throw new PlatformStartupException("Kafka did not start in " + root + ": " + rootCause(e)
                    + " (logs left by an older or crashed run can be wiped with --reset)", e);
        }
    }

    /** Voters wait for each other, so all nodes start at once. */
    private static List<KafkaRaftServer> startServers(List<KafkaConfig> configs) throws Exception {
        List<KafkaRaftServer> started = configs.stream().map(config -> new KafkaRaftServer(config, Time.SYSTEM)).toList();
        CompletableFuture.allOf(started.stream().map(s -> CompletableFuture.runAsync(s::startup))
                .toArray(CompletableFuture[]::new)).get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return started;
    }

    /** Stops every node, as a broker outage would; {@link #resume()} brings them back on the same ports and logs. */
    public synchronized void suspend() {
        stopAll(servers);
        servers = List.of();
    }

    public synchronized void resume() {
        if (!servers.isEmpty()) {
            return;
        }
        try {
            servers = startServers(configs);
            awaitBrokers(bootstrapServers, configs.size());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new PlatformStartupException("Kafka did not come back: " + rootCause(e), e);
        }
    }

    static Map<String, String> nodeConfig(int id, int count, int brokerPort, int controllerPort, String voters, Path logs) {
        String replicas = Integer.toString(count);
        String minInSync = Integer.toString(Math.min(2, count));
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(id));
        config.put("controller.quorum.voters", voters);
        config.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + brokerPort);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logs.toAbsolutePath().toString());
        config.put("auto.create.topics.enable", "false");
        config.put("num.partitions", "3");
        config.put("default.replication.factor", replicas);
        config.put("min.insync.replicas", minInSync);
        // Internal topics follow the cluster size, so transactions (exactly-once) work on one broker too.
        config.put("offsets.topic.replication.factor", replicas);
        config.put("offsets.topic.num.partitions", "10");
        config.put("transaction.state.log.replication.factor", replicas);
        config.put("transaction.state.log.min.isr", minInSync);
        config.put("transaction.state.log.num.partitions", "10");
        config.put("group.initial.rebalance.delay.ms", "0");
        // A local cluster stops all its nodes at once: nobody is left to hand leadership to.
        config.put("controlled.shutdown.enable", Boolean.toString(count == 1));
        config.put("log.cleaner.dedupe.buffer.size", "2097152");
        return config;
    }

    /** Writes meta.properties and the bootstrap metadata once; a formatted directory is left as it is. */
    private static void format(int nodeId, Path logs) throws Exception {
        new Formatter()
                .setNodeId(nodeId)
                .setClusterId(CLUSTER_ID)
                .setDirectories(List.of(logs.toAbsolutePath().toString()))
                .setMetadataLogDirectory(logs.toAbsolutePath().toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName("CONTROLLER")
                .setIgnoreFormatted(true)
                .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .run();
    }

    private static void awaitBrokers(String bootstrap, int count) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == count) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw notYet;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("not all " + count + " brokers joined the cluster");
                }
                Thread.sleep(200);
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Comma-separated host:port list for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops all nodes together: one by one, the last ones would wait minutes for a quorum that is already gone. */
    @Override
    public synchronized void close() {
        stopAll(servers);
        servers = List.of();
    }

    private static void stopAll(List<KafkaRaftServer> servers) {
        CompletableFuture.allOf(servers.stream().map(s -> CompletableFuture.runAsync(() -> stop(s)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static void stop(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
            // A half-started node can fail to stop cleanly; its files stay for the next start.
        }
    }
}
