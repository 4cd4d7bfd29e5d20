package com.zmart.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.zmart.demo.services.SuiteService;
import com.zmart.platform.PlatformOptions;

/**
 * How the demo runs.
 *
 * @param platform       the local platform's options (data directory, ports)
 * @param servicePorts   port of the first service (8090 → clickstream 8090 ... sales-trends 8094); 0 = free ports
 * @param receiptsPerSecond register simulator rate; 0 = no simulated sales
 * @param journeysPerSecond campaign simulator rate; 0 = no simulated clicks
 * @param duration       how long the simulators run; zero = until stopped
 * @param javaOptions    JVM options of each service, but those of {@code serviceJavaOptions}
 * @param supervised     a service or simulator that exits without being asked to is reported and started again; off
 *                       for tests that crash services on purpose and restart them themselves
 * @param stock          the stock inventory seeds for the simulators' catalog; empty: the service's own seed
 * @param restockDelay   how long the simulated supplier takes to deliver what inventory reorders; zero = no supplier
 * @param serviceJavaOptions JVM options of single services, in place of {@code javaOptions}
 */
public record DemoOptions(PlatformOptions platform, int servicePorts, double receiptsPerSecond,
                          double journeysPerSecond, Duration duration, String javaOptions, boolean supervised,
                          Optional<DemoStock> stock, Duration restockDelay,
                          Map<SuiteService, String> serviceJavaOptions) {

    /** C1 only, a small heap and the serial collector: all of ZMart starts in under a minute in about 2 GB. */
    public static final String DEFAULT_JAVA_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /**
     * Rewards answers member lookups over HTTP at volume: with C2 as well, inside the running demo it answers twice as
     * many with half the p99 (performance.md, Rewards), for some compiling at its start.
     */
    public static final String LOOKUPS_JAVA_OPTIONS = "-Xmx384m -XX:+UseSerialGC";

    /** The supplier delivers a few seconds after the reorder, so that a person watching sees both happen. */
    public static final Duration DEFAULT_RESTOCK_DELAY = Duration.ofSeconds(10);

    public DemoOptions {
        serviceJavaOptions = Map.copyOf(serviceJavaOptions);
    }

    /** The suite as tests drive it: no supervision, the services' own stock, no supplier. */
    public DemoOptions(PlatformOptions platform, int servicePorts, double receiptsPerSecond, double journeysPerSecond,
                       Duration duration, String javaOptions) {
        this(platform, servicePorts, receiptsPerSecond, journeysPerSecond, duration, javaOptions, false,
                Optional.empty(), Duration.ZERO, Map.of());
    }

    /** What {@code bin/zmart-demo} runs: fixed ports, both simulators, supervision, the demo's stock and supplier. */
    public static DemoOptions defaults(Path dataDirectory) {
        return new DemoOptions(PlatformOptions.defaults(dataDirectory), 8090, 2, 1, Duration.ZERO, DEFAULT_JAVA_OPTIONS,
                true, Optional.of(DemoStock.STORY), DEFAULT_RESTOCK_DELAY,
                Map.of(SuiteService.REWARDS, LOOKUPS_JAVA_OPTIONS));
    }

    /** The JVM options {@code service} runs with. */
    public String javaOptionsOf(SuiteService service) {
        return serviceJavaOptions.getOrDefault(service, javaOptions);
    }
}
