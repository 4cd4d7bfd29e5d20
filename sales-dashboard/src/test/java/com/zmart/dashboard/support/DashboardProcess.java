package com.zmart.dashboard.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zmart.platform.process.ChildProcess;
import com.zmart.platform.process.Ports;


/**
 * The dashboard as built ({@code target/sales-dashboard-*.jar}), run in its own JVM like in production, under the
 * platform's guarded child process so that it cannot outlive the test JVM. (Its own JVM also keeps its Tomcat away
 * from the Connect worker's Jetty 12.0 in the test JVM.)
 */
public final class DashboardProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;
    private final Path log;

    private DashboardProcess(ChildProcess process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with these Spring properties ({@code --key=value}) and waits until its health is UP. */
    public static DashboardProcess start(Path jar, List<String> properties, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No application jar at " + jar + ": run the module's 'package' phase first");
        }
        int port = Ports.anyFree();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=" + Ports.LOOPBACK));
        properties.forEach(p -> command.add("--" + p));
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DashboardProcess dashboard = new DashboardProcess(
                ChildProcess.start("sales-dashboard", command, jar.getParent(), log), port, log);
        try {
            await("the dashboard's health at " + dashboard.url()).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the dashboard exited; see " + log, () -> !dashboard.process.isAlive())
                    .until(dashboard::healthy);
        } catch (RuntimeException e) {
            dashboard.close();
            throw e;
        }
        return dashboard;
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.close();
    }
}
