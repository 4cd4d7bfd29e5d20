package com.zmart.demo.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.zmart.demo.DemoOptions;
import com.zmart.demo.ZmartDemo;
import com.zmart.platform.PlatformOptions;
import com.zmart.platform.process.Directories;
import com.zmart.platform.process.PlatformStartupException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zmart-demo}: runs all of ZMart with simulated registers, customers and suppliers; Ctrl-C (or SIGTERM) stops
 * everything ({@link StopSignals}). The console has the demo's own lines (what started, where to look, progress, a service that failed and
 * came back) and the warnings that need the user; the demo's log file has everything this JVM logs.
 */
@Command(name = "zmart-demo", mixinStandardHelpOptions = true,
        description = "Runs all of ZMart on this machine: the platform, every service, the connectors and the simulators.")
public final class ZmartDemoCli implements Callable<Integer> {

    /** Read by zmart-demo-logback.xml: where the demo's own log file goes. */
    static final String LOGS_PROPERTY = "zmart.demo.logs";

    @Option(names = "--data-dir", defaultValue = ".zmart", description = "Where data is kept between runs (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--reset", description = "Delete the data directory before starting.")
    boolean reset;

    @Option(names = "--rate", defaultValue = "2", description = "Receipts per second at the registers (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--click-rate", defaultValue = "1", description = "Customer journeys per second on campaign emails and pages (default: ${DEFAULT-VALUE}).")
    double clickRate;

    @Option(names = "--duration", defaultValue = "PT0S",
            description = "How long the simulators run, ISO-8601 (PT10M); PT0S = until Ctrl-C (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--progress-every", defaultValue = "PT5S", description = "Progress line interval (default: ${DEFAULT-VALUE}).")
    Duration progressEvery;

    @Option(names = "--free-ports", description = "Any free ports instead of the fixed ones (Kafka 9092, services 8090-8094...), "
            + "to run beside another ZMart; the URLs printed at start say where everything is.")
    boolean freePorts;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ZmartDemoCli()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        // Before anything logs: the logging configuration reads it once.
        System.setProperty(LOGS_PROPERTY, dataDirectory.resolve("logs").toAbsolutePath().toString());
        // java.util.logging (the registry client's) through the same configuration, not straight to stderr.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        if (reset) {
            Directories.deleteTree(dataDirectory);
        }
        DemoOptions defaults = DemoOptions.defaults(dataDirectory);
        DemoOptions options = new DemoOptions(
                freePorts ? PlatformOptions.forTests(dataDirectory) : defaults.platform(),
                freePorts ? 0 : defaults.servicePorts(), rate, clickRate, duration, defaults.javaOptions(),
                defaults.supervised(), defaults.stock(), defaults.restockDelay(), defaults.serviceJavaOptions());
        Instant began = Instant.now();
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicReference<ZmartDemo> demo = new AtomicReference<>();
        StopSignals.handle(() -> {
            if (stopRequested.getCount() > 0) {
                // Read before the count-down: the main thread then takes the demo to stop it.
                boolean starting = demo.get() == null;
                System.out.println("Stopping ZMart...");
                stopRequested.countDown();
                if (starting) {
                    // Still starting: the JVM's exit ends what has started (its guardians see this JVM go).
                    new Thread(() -> System.exit(1), "zmart-demo-exit").start();
                }
            }
        });
        // Any other way out of this JVM (System.exit, SIGHUP) still stops what the demo started.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(demo.getAndSet(null)), "zmart-demo-shutdown"));
        System.out.println("Starting ZMart (platform, connectors, 5 services, simulators); logs in " + dataDirectory.resolve("logs"));
        ZmartDemo running;
        try {
            running = ZmartDemo.start(options);
        } catch (PlatformStartupException e) {
            System.err.println("ZMart did not start: " + e.getMessage());
            return 1;
        }
        demo.set(running);
        System.out.printf("%nZMart is running (ready in %d s):%n", Duration.between(began, Instant.now()).toSeconds());
        running.urls().forEach((name, url) -> System.out.printf("  %-32s %s%n", name, url));
        System.out.println("Press Ctrl-C to stop.");
        while (!stopRequested.await(progressEvery.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.printf("[%s] %s%n", elapsed(began), running.progressLine());
        }
        stop(demo.getAndSet(null));
        return 0;
    }

    /** Stops everything and says when all is gone. */
    private static void stop(ZmartDemo demo) {
        if (demo == null) {
            return;
        }
        Instant began = Instant.now();
        demo.close();
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        if (left.isEmpty()) {
            System.out.printf("ZMart stopped in %d s: every process it started has exited.%n", seconds);
        } else {
            System.out.printf("ZMart stopped in %d s, but %d of its processes are still running (pids %s); they end when "
                    + "this JVM does.%n", seconds, left.size(), left.stream().map(p -> Long.toString(p.pid())).toList());
        }
    }

    private static String elapsed(Instant since) {
        Duration d = Duration.between(since, Instant.now());
        return "%02d:%02d:%02d".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
