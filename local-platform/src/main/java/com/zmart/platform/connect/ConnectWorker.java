package com.zmart.platform.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.zmart.platform.process.ChildJvm;
import com.zmart.platform.process.ChildProcess;
import com.zmart.platform.process.HttpReadiness;
import com.zmart.platform.process.PlatformStartupException;
import com.zmart.platform.process.Ports;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.eclipse.jetty.util.thread.ShutdownThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka Connect worker in distributed mode, in this JVM or in one of its own ({@link #startProcess}): connectors are created through its REST API,
 * exactly as on a production cluster. Its converters default to the registry's Avro converter in the
 * Confluent wire format (see {@link ConnectConverters}).
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** The worker in this JVM; null when it runs as a child process. */
    private final Connect<?> connect;
    /** The worker's own JVM ({@link ConnectWorkerMain}); null when it runs in this one. */
    private final ChildProcess process;
    private final int port;

    private ConnectWorker(Connect<?> connect, ChildProcess process, int port) {
        this.connect = connect;
        this.process = process;
        this.port = port;
    }

    /**
     * The same worker in a JVM of its own, so that it can be crashed ({@link #kill()}); its output goes to
     * {@code log}. Returns once its REST API answers.
     */
    public static ConnectWorker startProcess(String bootstrapServers, String registryV2Url, int requestedPort,
                                             short replicationFactor, List<Path> pluginPath, Path log) {
        int port = Ports.claim(requestedPort, "the Kafka Connect REST API", "--connect-port");
        List<String> arguments = new ArrayList<>(List.of(bootstrapServers, registryV2Url,
                Integer.toString(port), Short.toString(replicationFactor)));
        pluginPath.forEach(p -> arguments.add(p.toAbsolutePath().toString()));
        ChildProcess process = ChildProcess.start("kafka-connect", ChildJvm.command(ConnectWorkerMain.class, "1g",
                arguments), log.getParent(), log);
        return new ConnectWorker(null, process, port).ready();
    }

    /** SIGKILL to the worker's own JVM, as a crash would end it: no offsets committed, no task stopped. */
    public void kill() {
        if (process == null) {
            throw new IllegalStateException("This Connect worker runs in this JVM: start the platform with own processes");
        }
        process.kill();
    }

    public static ConnectWorker start(String bootstrapServers, String registryV2Url, int requestedPort,
                                      short replicationFactor, List<Path> pluginPath) {
        int port = Ports.claim(requestedPort, "the Kafka Connect REST API", "--connect-port");
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", "zmart-connect");
        config.put("listeners", "http://" + Ports.LOOPBACK + ":" + port);
        config.put("rest.advertised.host.name", Ports.LOOPBACK);
        config.put("config.storage.topic", "zmart-connect-configs");
        config.put("offset.storage.topic", "zmart-connect-offsets");
        config.put("status.storage.topic", "zmart-connect-status");
        for (String store : List.of("config", "offset", "status")) {
            config.put(store + ".storage.replication.factor", Short.toString(replicationFactor));
        }
        config.put("offset.storage.partitions", "5");
        config.put("status.storage.partitions", "1");
        config.put("offset.flush.interval.ms", "1000");
        // Source connectors get exactly-once delivery (transactional producers) where the connector supports it.
        config.put("exactly.once.source.support", "enabled");
        config.putAll(ConnectConverters.workerDefaults(registryV2Url));
        // Plugins are found through their ServiceLoader manifests: scanning the whole classpath costs ~15 s.
        config.put("plugin.discovery", "service_load");
        if (!pluginPath.isEmpty()) {
            config.put("plugin.path", pluginPath.stream().map(p -> p.toAbsolutePath().toString())
                    .collect(Collectors.joining(",")));
        }
        // Connect calls Exit.exit on a fatal startup error; in an embedding JVM that must be an exception instead.
        Exit.setExitProcedure((code, message) -> {
            throw new PlatformStartupException("Kafka Connect stopped (exit " + code + "): " + message);
        });
        ClassLoader callerLoader = Thread.currentThread().getContextClassLoader();
        Connect<?> connect;
        try {
            connect = new ConnectDistributed().startConnect(config);
        } catch (RuntimeException e) {
            throw new PlatformStartupException("Kafka Connect did not start: " + e.getMessage(), e);
        } finally {
            // startConnect() leaves Connect's plugin class loader on this thread.
            Thread.currentThread().setContextClassLoader(callerLoader);
        }
        leaveTheRestServerToClose();
        return new ConnectWorker(connect, null, port).ready();
    }

    /**
     * Connect asks Jetty to stop its REST server at JVM shutdown ({@code stopAtShutdown}), in a hook of Jetty's own.
     * On Ctrl-C that hook and {@link #close()} (run by the platform's hook) then stop the server at the same time, and
     * once in a while Connect waits forever for a thread pool neither finishes stopping. The platform stops Connect
     * itself, so Jetty's hook is taken out.
     */
    private static void leaveTheRestServerToClose() {
        try {
            Runtime.getRuntime().removeShutdownHook(ShutdownThread.getInstance());
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: nothing to race any more.
        }
    }

    /** This worker once its REST API answers; stopped, and the failure rethrown, if it never does. */
    private ConnectWorker ready() {
        try {
            awaitRestApi();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private void awaitRestApi() {
        HttpReadiness.await(url() + "/connectors", "Kafka Connect's REST API", STARTUP_TIMEOUT, () -> { });
    }

    public int port() {
        return port;
    }

    /** Base URL of the worker's REST API. */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    /**
     * Stops the worker, waiting at most {@link #STOP_TIMEOUT}: should Connect hang on its way down (it did, racing
     * Jetty's shutdown hook, before {@link #leaveTheRestServerToClose()}), the rest of the platform still stops.
     */
    @Override
    public void close() {
        if (process != null) {
            process.close();
            return;
        }
        Thread stopping = new Thread(() -> {
            connect.stop();
            connect.awaitStop();
        }, "connect-worker-stop");
        stopping.setDaemon(true);
        stopping.start();
        try {
            stopping.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            log.warn("Kafka Connect did not stop within {}; going on without it", STOP_TIMEOUT);
        }
    }
}
