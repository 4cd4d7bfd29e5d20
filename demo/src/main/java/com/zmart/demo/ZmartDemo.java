package com.zmart.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zmart.demo.progress.Mailbox;
import com.zmart.demo.progress.TopicCounts;
import com.zmart.demo.simulators.RegisterSimulatorThread;
import com.zmart.demo.simulators.SimulatorProcess;
import com.zmart.demo.simulators.SupplierSimulator;
import com.zmart.demo.supervision.ExitStatus;
import com.zmart.demo.supervision.Supervised;
import com.zmart.demo.supervision.Supervisor;
import com.zmart.demo.services.PlatformEndpoints;
import com.zmart.demo.services.ServiceProcess;
import com.zmart.demo.services.SuiteService;
import com.zmart.demo.services.Version;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.connect.ConnectorDeployer;
import com.zmart.platform.postgres.PostgresServer;
import com.zmart.platform.process.PlatformStartupException;
import com.zmart.platform.process.Ports;
import com.zmart.sales.connector.PosConnectors;
import com.zmart.sales.simulator.PosDatabase;
import com.zmart.sales.simulator.RegisterSimulator;
import com.zmart.sales.simulator.SimulatorOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All of ZMart on this machine: the local platform, the point-of-sale schema and reference data, the connectors
 * (Debezium sources, JDBC sinks), every service from its own jar, the register and campaign simulators and the
 * supplier that answers reorders with restocks. Supervised ({@link DemoOptions#supervised()}), a service or simulator
 * that ends on its own is reported and started again. Closing it stops everything, in reverse order, the services
 * all at once.
 */
public final class ZmartDemo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZmartDemo.class);
    private static final Duration CONNECTOR_TIMEOUT = Duration.ofMinutes(2);
    /** The demo's own log (the command line's logging configuration writes it): simulator failures, the platform. */
    public static final String DEMO_LOG = "zmart-demo.log";
    static final String CAMPAIGN_SIMULATOR = "campaign-simulator";

    private final DemoOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<SuiteService, ServiceProcess> services = new ConcurrentHashMap<>();
    private final List<Supervised> supervised = new ArrayList<>();
    private volatile boolean closing;
    private LocalPlatform platform;
    private PlatformEndpoints endpoints;
    private DataSource pos;
    private SimulatorOptions registerOptions;
    private RegisterSimulator registers;
    private TopicCounts counts;
    private Mailbox mailbox;
    private Supervisor supervisor;
    private SimulatorProcess campaigns;

    private ZmartDemo(DemoOptions options) {
        this.options = options;
    }

    /** Starts everything; on any failure, stops what had started and throws. */
    public static ZmartDemo start(DemoOptions options) {
        ZmartDemo demo = new ZmartDemo(options);
        try {
            demo.startAll();
            return demo;
        } catch (RuntimeException | Error e) {
            demo.close();
            throw e;
        }
    }

    private void startAll() {
        platform = LocalPlatform.start(options.platform());
        started.add(platform);
        endpoints = PlatformEndpoints.of(platform);

        pos = PosDatabase.dataSource(endpoints.jdbcUrl("pos"), PostgresServer.USER, "");
        PosDatabase.migrate(pos);
        registerOptions = SimulatorOptions.defaults()
                .withRate(Math.max(options.receiptsPerSecond(), 0.001)).withLimit(options.duration(), 0);
        // The catalog's simulator: the running ones (RegisterSimulatorThread) share its seed, hence its catalog.
        registers = new RegisterSimulator(pos, registerOptions, Clock.systemUTC());
        try {
            registers.loadReferenceData();
        } catch (SQLException e) {
            throw new PlatformStartupException("Cannot load the point-of-sale reference data: " + e.getMessage(), e);
        }

        int port = options.servicePorts();
        started.add(this::stopProcesses);
        for (SuiteService service : SuiteService.ALL) {
            int servicePort = port == 0 ? Ports.anyFree() : port + service.defaultPort() - SuiteService.CLICKSTREAM.defaultPort();
            services.put(service, startService(service, servicePort));
            supervised.add(new Supervised(service.name(),
                    () -> services.get(service).unexpectedExit().map(ExitStatus::toString), () -> false,
                    () -> services.get(service).log(), () -> restart(service)));
        }
        SuiteService.ALL.forEach(service -> services.get(service).awaitReady());
        log.info("Every service is ready");

        deployConnectors();
        counts = TopicCounts.start(endpoints.bootstrapServers());
        started.add(counts);
        mailbox = Mailbox.start(platform.smtp().orElseThrow(), endpoints.dataDirectory().resolve("mailbox"));
        started.add(mailbox);
        startSimulators();
        if (options.supervised()) {
            supervisor = Supervisor.start(supervised);
            started.add(supervisor);
        }
    }

    private ServiceProcess startService(SuiteService service, int port) {
        Map<String, String> environment = service.equals(SuiteService.INVENTORY)
                ? options.stock().map(DemoStock::environment).orElse(Map.of()) : Map.of();
        return ServiceProcess.start(service, port, endpoints, Version.repository(), options.javaOptionsOf(service),
                environment);
    }

    /**
     * The services, the campaign simulator and the Connect worker, all at once: each takes seconds to shut down
     * gracefully, mostly waiting, and none needs another (the sinks write to PostgreSQL, which stops after them).
     */
    private void stopProcesses() {
        List<AutoCloseable> processes = new ArrayList<>(services.values());
        if (campaigns != null) {
            processes.add(campaigns);
        }
        processes.add(platform::stopConnect);
        List<Thread> stopping = new ArrayList<>();
        for (AutoCloseable process : processes) {
            Thread thread = new Thread(() -> {
                try {
                    process.close();
                } catch (Exception e) {
                    log.warn("Stopping {} failed: {}", process, e.getMessage());
                }
            }, "stop-" + process);
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The sources stream the point-of-sale database in; the sinks (after the dashboard made its tables) fill it. */
    private void deployConnectors() {
        ConnectorDeployer deployer = new ConnectorDeployer(platform.connect().orElseThrow().url());
        Map<String, String> variables = new LinkedHashMap<>(
                PosConnectors.variables("127.0.0.1", endpoints.postgresPort(), "pos", PostgresServer.USER, ""));
        variables.putAll(ConnectorDeployer.databaseVariables("DASHBOARD_DB", "127.0.0.1", endpoints.postgresPort(),
                "dashboard", PostgresServer.USER, ""));
        for (String module : List.of("sales-connector", "sales-dashboard")) {
            for (Path file : connectorFiles(module)) {
                deployer.deploy(file, variables, CONNECTOR_TIMEOUT);
                log.info("Connector {} is running", ConnectorDeployer.connectorName(file));
            }
        }
    }

    private static List<Path> connectorFiles(String module) {
        Path folder = Version.repository().resolve(module).resolve("src/main/resources/connectors");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new PlatformStartupException("Cannot read the connector configurations in " + folder, e);
        }
    }

    private void startSimulators() {
        Path demoLog = endpoints.dataDirectory().resolve("logs").resolve(DEMO_LOG);
        if (options.receiptsPerSecond() > 0) {
            RegisterSimulatorThread registerThread = RegisterSimulatorThread.start(pos, registerOptions, demoLog);
            started.add(registerThread);
            supervised.add(registerThread.supervised());
        }
        if (options.journeysPerSecond() > 0) {
            campaigns = startCampaignSimulator();
            supervised.add(campaigns.supervised());
        }
        if (!options.restockDelay().isZero()) {
            SupplierSimulator supplier = SupplierSimulator.start(endpoints.bootstrapServers(), endpoints.registryApiUrl(),
                    options.restockDelay(), demoLog);
            started.add(supplier);
            supervised.add(supplier.supervised());
        }
    }

    /** The campaign simulator runs from the clickstream jar (Spring Boot's PropertiesLauncher picks its main class). */
    private SimulatorProcess startCampaignSimulator() {
        ServiceProcess clickstream = services.get(SuiteService.CLICKSTREAM);
        Path jar = Version.repository().resolve("clickstream-producer/target").resolve(SuiteService.CLICKSTREAM.jarName());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dloader.main=com.zmart.clickstream.simulator.CampaignSimulatorCli", "-cp", jar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--service-url", clickstream.url(""), "--rate", Double.toString(options.journeysPerSecond()),
                "--duration", options.duration().toString());
        Path logs = endpoints.dataDirectory().resolve("logs");
        return SimulatorProcess.start(CAMPAIGN_SIMULATOR, command, endpoints.dataDirectory(),
                logs.resolve(CAMPAIGN_SIMULATOR + ".log"));
    }

    /**
     * Starts {@code service} again on its port, after it stopped or was killed, and waits until it is ready. Its state
     * (stores, database) is what the previous process left.
     */
    public ServiceProcess restart(SuiteService service) {
        ServiceProcess next;
        synchronized (started) {
            if (closing) {
                throw new IllegalStateException("ZMart is stopping");
            }
            ServiceProcess previous = services.get(service);
            previous.close();
            next = startService(service, previous.port());
            services.put(service, next);
        }
        next.awaitReady();
        return next;
    }

    public LocalPlatform platform() {
        return platform;
    }

    public ServiceProcess service(SuiteService service) {
        return services.get(service);
    }

    public DataSource posDatabase() {
        return pos;
    }

    public RegisterSimulator registers() {
        return registers;
    }

    public TopicCounts counts() {
        return counts;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** What a person wants to open, in the order the demo prints it. */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("Dashboard", service(SuiteService.DASHBOARD).url("/"));
        String member = registers.catalog().customers().stream().flatMap(c -> c.memberId().stream()).findFirst().orElse("member-000001");
        urls.put("Rewards lookup", "curl -H 'X-API-Key: " + SuiteService.LOCAL_API_KEY + "' "
                + service(SuiteService.REWARDS).url("/api/rewards/" + member));
        for (SuiteService service : List.of(SuiteService.CLICKSTREAM, SuiteService.REWARDS, SuiteService.INVENTORY,
                SuiteService.SALES_TRENDS)) {
            urls.put(service.name() + " API (OpenAPI UI)", service(service).url(service.docsPath()));
        }
        urls.put("Coupon emails", mailbox.folder() + " (one .eml per email; SMTP 127.0.0.1:" + endpoints.smtpPort() + ")");
        urls.put("Schema Registry", platform.registry().confluentCompatibleUrl() + "/subjects");
        urls.put("Kafka Connect", platform.connect().orElseThrow().url() + "/connectors?expand=status");
        urls.put("Kafka", endpoints.bootstrapServers());
        urls.put("Logs", endpoints.dataDirectory().resolve("logs").toString());
        return urls;
    }

    /** What went through the suite so far and, when supervised, the state of each service and simulator. */
    public String progressLine() {
        String line = counts.progressLine();
        return supervisor == null ? line : line + " | " + supervisor.statusLine();
    }

    public Optional<Supervisor> supervisor() {
        return Optional.ofNullable(supervisor);
    }

    @Override
    public void close() {
        closing = true;
        synchronized (started) {
            for (int i = started.size() - 1; i >= 0; i--) {
                long began = System.nanoTime();
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    log.warn("Stopping {} failed: {}", started.get(i), e.getMessage());
                }
                log.debug("Stopped {} in {} ms", started.get(i), (System.nanoTime() - began) / 1_000_000);
            }
            started.clear();
        }
    }
}
