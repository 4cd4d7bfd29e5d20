package com.zmart.demo.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.zmart.demo.supervision.ExitStatus;
import com.zmart.platform.process.ChildProcess;
import com.zmart.platform.process.HttpReadiness;
import com.zmart.platform.process.PlatformStartupException;

/**
 * One service of the suite running from its jar in its own JVM, guarded like the platform's servers: it cannot
 * outlive the demo, even when the demo is killed with SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final SuiteService service;
    private final int port;
    private final ChildProcess process;
    private final Path log;
    /** Set when the demo (or a test) stops or kills the service: its end is then no failure. */
    private volatile boolean stopRequested;

    private ServiceProcess(SuiteService service, int port, ChildProcess process, Path log) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the service's jar from {@code repository}, extracted into the service's folder of the data directory, with
     * {@code environment} added to what points it at the platform; returns once the JVM is launched (see
     * {@link #awaitReady()}).
     */
    public static ServiceProcess start(SuiteService service, int port, PlatformEndpoints platform, Path repository,
                                       String javaOptions, Map<String, String> environment) {
        Path jar = repository.resolve(service.module()).resolve("target").resolve(service.jarName());
        if (!Files.isRegularFile(jar)) {
            throw new PlatformStartupException("No " + jar + ": build it first (./mvnw install -DskipTests)");
        }
        try {
            Path logs = Files.createDirectories(platform.dataDirectory().resolve("logs"));
            Path work = Files.createDirectories(platform.dataDirectory().resolve("services").resolve(service.name()));
            Path log = logs.resolve(service.name() + ".log");
            List<String> command = new ArrayList<>(List.of("env", "PORT=" + port));
            service.environment().apply(platform).forEach((name, value) -> command.add(name + "=" + value));
            environment.forEach((name, value) -> command.add(name + "=" + value));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path application = ExtractedJar.of(jar, work.resolve("app"), java);
            command.add(java.toString());
            command.addAll(List.of(javaOptions.split("\\s+")));
            command.addAll(List.of("-jar", application.toString()));
            return new ServiceProcess(service, port, ChildProcess.start(service.name(), command, work, log), log);
        } catch (java.io.IOException e) {
            throw new PlatformStartupException("Cannot prepare " + service.name() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the service says it is ready (actuator readiness: Kafka, database or streams up). */
    public void awaitReady() {
        HttpReadiness.await(url("/actuator/health/readiness"), service.name(), READY_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new PlatformStartupException(service.name() + " stopped while starting; see " + log);
            }
        });
    }

    /** Ends the service with SIGKILL: no graceful shutdown, as when a machine or container dies. */
    public void kill() {
        stopRequested = true;
        process.kill();
    }

    /** How the service ended when nobody asked it to; empty while it runs and after {@link #kill()} or {@link #close()}. */
    public Optional<ExitStatus> unexpectedExit() {
        if (stopRequested) {
            return Optional.empty();
        }
        OptionalInt code = process.exitCode();
        return code.isPresent() ? Optional.of(new ExitStatus(code.getAsInt())) : Optional.empty();
    }

    public int port() {
        return port;
    }

    public SuiteService service() {
        return service;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Path log() {
        return log;
    }

    public List<Long> processTree() {
        return process.processTree();
    }

    @Override
    public String toString() {
        return process.toString();
    }

    @Override
    public void close() {
        stopRequested = true;
        process.close();
    }
}
