package com.zmart.platform.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.zmart.platform.process.ChildJvm;
import com.zmart.platform.process.ChildProcess;
import com.zmart.platform.process.PlatformStartupException;
import com.zmart.platform.process.Ports;
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
 * a three-voter quorum, replication factor 3 and min.insync.replicas 2. With {@code ownProcesses} each node runs in a
 * JVM of its own ({@link KafkaNodeMain}), so that one can be crashed with SIGKILL and started again.
 */
public final class KafkaBrokers implements AutoCloseable {

    /** Fixed, so that a restart finds its own logs (a KRaft cluster id is 16 bytes in base64). */
    static final String CLUSTER_ID = "zmartLocalPlatform0000";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final List<Map<String, String>> configs;
    private final String bootstrapServers;
    /** In this JVM; empty when the nodes are child processes. */
    private List<KafkaRaftServer> servers;
    /** The nodes as child processes, by node id (null: not running); null when they run in this JVM. */
    private final ChildProcess[] processes;
    private final Path root;

    private KafkaBrokers(List<Map<String, String>> configs, List<KafkaRaftServer> servers, ChildProcess[] processes,
                         String bootstrapServers, Path root) {
        this.configs = configs;
        this.servers = servers;
        this.processes = processes;
        this.bootstrapServers = bootstrapServers;
        this.root = root;
    }

    public static KafkaBrokers start(int count, int firstPort, Path dataDirectory) {
        return start(count, firstPort, dataDirectory, false);
    }

    public static KafkaBrokers start(int count, int firstPort, Path dataDirectory, boolean ownProcesses) {
        int[] brokerPorts = IntStream.range(0, count)
                .map(i -> Ports.claim(firstPort == 0 ? 0 : firstPort + i, "Kafka broker " + (i + 1), "--kafka-port")).toArray();
        int[] controllerPorts = IntStream.range(0, count).map(i -> Ports.anyFree()).toArray();
        String voters = IntStream.range(0, count)
                .mapToObj(i -> i + "@" + Ports.LOOPBACK + ":" + controllerPorts[i]).collect(Collectors.joining(","));
        String bootstrap = IntStream.of(brokerPorts).mapToObj(p -> Ports.LOOPBACK + ":" + p).collect(Collectors.joining(","));
        // One folder per cluster shape: a 3-broker cluster cannot reuse a 1-broker cluster's logs.
        Path root = dataDirectory.resolve("kafka-" + count + (count == 1 ? "-broker" : "-brokers"));

        List<KafkaRaftServer> servers = new ArrayList<>();
        ChildProcess[] processes = ownProcesses ? new ChildProcess[count] : null;
        try {
            List<Map<String, String>> configs = new ArrayList<>();
            for (int id = 0; id < count; id++) {
                Path logs = root.resolve("node-" + id);
                Files.createDirectories(logs);
                configs.add(nodeConfig(id, count, brokerPorts[id], controllerPorts[id], voters, logs));
                format(id, logs);
            }
            if (ownProcesses) {
                for (int id = 0; id < count; id++) {
                    processes[id] = startProcess(root, id, configs.get(id));
                }
            } else {
                servers.addAll(startServers(configs));
            }
            awaitBrokers(bootstrap, count);
            return new KafkaBrokers(configs, servers, processes, bootstrap, root);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stopAll(servers);
            if (processes != null) {
                Arrays.stream(processes).filter(Objects::nonNull).forEach(ChildProcess::close);
            }
            throw new PlatformStartupException("Kafka did not start in " + root + ": " + rootCause(e)
                    + " (logs left by an older or crashed run can be wiped with --reset)", e);
        }
    }

    /** Voters wait for each other, so all nodes start at once. */
    private static List<KafkaRaftServer> startServers(List<Map<String, String>> configs) throws Exception {
        List<KafkaRaftServer> started = configs.stream()
                .map(config -> new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM)).toList();
        CompletableFuture.allOf(started.stream().map(s -> CompletableFuture.runAsync(s::startup))
                .toArray(CompletableFuture[]::new)).get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return started;
    }

    /** A node in a JVM of its own, its output in {@code node-<id>.log} beside the nodes' folders. */
    private static ChildProcess startProcess(Path root, int id, Map<String, String> config) throws IOException {
        Path properties = root.resolve("node-" + id + ".properties");
        Properties values = new Properties();
        values.putAll(config);
        try (var out = Files.newOutputStream(properties)) {
            values.store(out, "Kafka node " + id + " of the ZMart local platform");
        }
        return ChildProcess.start("kafka-node-" + id, ChildJvm.command(KafkaNodeMain.class, "768m",
                List.of(properties.toString())), root, root.resolve("node-" + id + ".log"));
    }

    /** Stops every node, as a broker outage would; {@link #resume()} brings them back on the same ports and logs. */
    public synchronized void suspend() {
        stopAll(servers);
        servers = List.of();
        if (processes != null) {
            for (int id = 0; id < processes.length; id++) {
                if (processes[id] != null) {
                    processes[id].close();
                    processes[id] = null;
                }
            }
        }
    }

    /**
     * Crashes node {@code id} with SIGKILL (nodes in their own processes only): no shutdown, its logs left as they
     * are, to be recovered when {@link #restart(int)} starts it again.
     */
    public synchronized void crash(int id) {
        requireOwnProcesses();
        if (processes[id] != null) {
            processes[id].kill();
            processes[id] = null;
        }
    }

    /** Starts a crashed or stopped node again and waits until the cluster has all its brokers. */
    public synchronized void restart(int id) {
        requireOwnProcesses();
        try {
            if (processes[id] == null) {
                processes[id] = startProcess(root, id, configs.get(id));
            }
            awaitBrokers(bootstrapServers, configs.size());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new PlatformStartupException("Kafka node " + id + " did not come back: " + rootCause(e), e);
        }
    }

    private void requireOwnProcesses() {
        if (processes == null) {
            throw new IllegalStateException("Kafka's nodes run in this JVM: start the platform with own processes");
        }
    }

    public synchronized void resume() {
        if (processes != null) {
            for (int id = 0; id < processes.length; id++) {
                restart(id);
            }
            return;
        }
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
        if (processes != null) {
            // Side by side, as in this JVM: one by one, the last would wait for a quorum already gone.
            CompletableFuture.allOf(Arrays.stream(processes).filter(Objects::nonNull)
                    .map(p -> CompletableFuture.runAsync(p::close)).toArray(CompletableFuture[]::new)).join();
            Arrays.fill(processes, null);
        }
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
