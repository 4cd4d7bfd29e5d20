package com.zmart.demo;

import java.nio.file.Path;
import java.time.Duration;

import com.zmart.platform.PlatformOptions;

/**
 * How the demo runs.
 *
 * @param platform       the local platform's options (data directory, ports)
 * @param servicePorts   port of the first service (8090 → clickstream 8090 ... sales-trends 8094); 0 = free ports
 * @param receiptsPerSecond register simulator rate; 0 = no simulated sales
 * @param journeysPerSecond campaign simulator rate; 0 = no simulated clicks
 * @param duration       how long the simulators run; zero = until stopped
 * @param javaOptions    JVM options of each service
 */
public record DemoOptions(PlatformOptions platform, int servicePorts, double receiptsPerSecond,
                          double journeysPerSecond, Duration duration, String javaOptions) {

    /** The API key of a local run: customer data and write endpoints need it (X-API-Key). Never used outside. */
    public static final String LOCAL_API_KEY = "zmart-local-demo-key";

    public static final String DEFAULT_JAVA_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    public static DemoOptions defaults(Path dataDirectory) {
        return new DemoOptions(PlatformOptions.defaults(dataDirectory), 8090, 2, 1, Duration.ZERO, DEFAULT_JAVA_OPTIONS);
    }
}
