package com.zmart.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.init.InitSettings;
import com.zmart.platform.connect.ConnectConverters;
import com.zmart.platform.connect.ConnectorDeployer;
import org.junit.jupiter.api.Test;

/** The repository's own compose files, Dockerfiles and docs, checked as they are. */
class RepositoryDeploymentTest {

    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final ComposeFile BASE = ComposeFile.read(PROJECT.resolve("docker-compose.yml"));
    private static final ComposeFile CLUSTER = ComposeFile.read(PROJECT.resolve("compose.cluster.yml"));
    /** Every image of ours is a stage of this one file, built from the repository (compose's build.target). */
    private static final Dockerfile DOCKERFILE = Dockerfile.read(PROJECT.resolve("Dockerfile"));
    /** What a 16 GiB laptop gives Docker (Docker Desktop's default is half the machine): the stack must fit in it. */
    private static final long LAPTOP_DOCKER_MEMORY = 8L << 30;

    /** Mounted into the init container: the folders the modules package as classpath {@code connectors/}. */
    private static final Map<String, String> CONNECTOR_MOUNTS = Map.of(
            "./sales-connector/src/main/resources/connectors", "/opt/zmart/connectors/sales-connector",
            "./sales-dashboard/src/main/resources/connectors", "/opt/zmart/connectors/sales-dashboard");

    /** Images of others, configured as their documentation says; their variables are not checked here. */
    private static final Set<String> THIRD_PARTY = Set.of("postgres", "registry", "mailpit");

    @Test
    void theComposeFilePassesEveryRule() {
        assertThat(ComposeChecks.all(BASE, PROJECT)).isEmpty();
    }

    @Test
    void theClusterOverridePassesEveryRuleMergedWithTheBaseFile() {
        List<String> problems = new ArrayList<>();
        problems.addAll(ComposeChecks.imagesPinned(CLUSTER));
        problems.addAll(ComposeChecks.healthChecks(CLUSTER));
        problems.addAll(ComposeChecks.secretsFromTheEnvironment(CLUSTER));
        problems.addAll(ComposeChecks.defaultsForEveryVariable(CLUSTER));
        problems.addAll(ComposeChecks.builtImagesNeverPulled(CLUSTER));
        problems.addAll(ComposeChecks.memoryLimits(CLUSTER));
        problems.addAll(ComposeChecks.probesCited(CLUSTER));
        problems.addAll(ComposeChecks.buildContexts(CLUSTER, PROJECT));
        problems.addAll(ComposeChecks.portsOnLoopbackAndUnique(List.of(BASE, CLUSTER)));
        problems.addAll(ComposeChecks.dependsOnConditions(List.of(BASE, CLUSTER)));
        assertThat(problems).isEmpty();
    }

    @Test
    void theClusterHasThreeBrokersReplicationFactorThreeAndMinIsrTwo() {
        Map<String, Map<String, Object>> base = BASE.services();
        Map<String, Map<String, Object>> cluster = CLUSTER.services();
        for (String broker : List.of("kafka", "kafka-2", "kafka-3")) {
            Map<String, String> env = new LinkedHashMap<>(base.containsKey(broker) ? ComposeFile.environment(base.get(broker)) : Map.of());
            env.putAll(ComposeFile.environment(cluster.get(broker)));
            assertThat(env).as(broker)
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
        }
        assertThat(ComposeFile.environment(cluster.get("platform-init"))).containsEntry("REPLICATION_FACTOR", "3");
        assertThat(ComposeFile.environment(cluster.get("connect"))).containsEntry("CONNECT_REPLICATION_FACTOR", "3");
        for (String streams : List.of("rewards-service", "sales-trends-streams")) {
            assertThat(ComposeFile.environment(cluster.get(streams))).containsEntry("STREAMS_REPLICATION_FACTOR", "3");
        }
        // Every Kafka client of the base file gets all three brokers.
        base.forEach((name, service) -> ComposeFile.environment(service).forEach((variable, value) -> {
            if (variable.endsWith("BOOTSTRAP_SERVERS")) {
                assertThat(ComposeFile.environment(cluster.getOrDefault(name, Map.of())).get(variable)).as(name + " " + variable)
                        .isEqualTo("kafka:19092,kafka-2:19092,kafka-3:19092");
            }
        }));
    }

    @Test
    void everyDockerfilePassesAndIsBuiltByCompose() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<Path> built = new HashSet<>();
        BASE.services().forEach((name, service) -> {
            Path[] build = ComposeChecks.contextAndDockerfile(service, PROJECT);
            if (build != null) {
                built.add(build[1]);
                problems.addAll(DockerfileChecks.check(Dockerfile.read(build[1]), build[0], target(service), ComposeFile.isJob(service)));
            }
        });
        assertThat(problems).isEmpty();
        try (Stream<Path> files = Files.walk(PROJECT, 3)) {
            List<Path> dockerfiles = files.filter(f -> f.getFileName().toString().startsWith("Dockerfile"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/")).toList();
            assertThat(built).as("Dockerfiles no service builds").containsAll(dockerfiles);
        }
    }

    @Test
    void theImagesBuildFromTheSourcesWithNothingBuiltOnTheHost() {
        // One build stage runs the Maven reactor for every image, its downloads in a BuildKit cache.
        List<Dockerfile.Instruction> build = DOCKERFILE.stage("build");
        assertThat(build).isNotEmpty();
        assertThat(Dockerfile.image(build.get(0))).startsWith("eclipse-temurin:17.").endsWith("-jdk-noble");
        assertThat(read(PROJECT.resolve("pom.xml"))).contains("<maven.compiler.release>17</maven.compiler.release>");
        String maven = build.stream().filter(i -> i.keyword().equals("RUN") && i.arguments().contains("./mvnw"))
                .map(Dockerfile.Instruction::arguments).findFirst().orElse("");
        assertThat(maven).contains("--mount=type=cache,target=/root/.m2", "-DskipTests package", "-am -pl");
        assertThat(read(PROJECT.resolve(".dockerignore")).lines().toList()).contains("**/target/", ".git");
        String version = DockerfileChecks.version(read(PROJECT.resolve("platform-init/pom.xml")));
        assertThat(build).anySatisfy(i -> assertThat(i.keyword() + " " + i.arguments()).isEqualTo("ARG ZMART_VERSION=" + version));
        // Every Connect plugin folder Maven assembles is built and copied into the worker's image.
        for (String plugin : placeholders(read(PROJECT.resolve("connect-plugins/pom.xml")), Pattern.compile("<module>([^<]+)</module>"))) {
            assertThat(maven).contains("connect-plugins/" + plugin);
        }
        assertThat(DOCKERFILE.stage("connect")).anySatisfy(i -> assertThat(i.keyword() + " " + i.arguments())
                .isEqualTo("COPY --from=build --chown=appuser:appuser /workspace/connect-plugins/target/plugins/ /opt/zmart/plugins/"));
        assertThat(maven).contains("platform-init");
        assertThat(DOCKERFILE.stage("platform-init").stream().map(i -> i.keyword() + " " + i.arguments()).toList()).contains(
                "COPY --from=build /workspace/platform-init/target/lib/ lib/",
                "COPY --from=build /workspace/platform-init/target/lib-zmart/ lib-zmart/",
                "COPY --from=build /workspace/platform-init/target/platform-init-" + version + ".jar platform-init.jar");
    }

    @Test
    void everySpringBootModuleHasAnImageBuiltFromItsJar() throws IOException {
        String extract = DOCKERFILE.stage("build").stream().filter(i -> i.arguments().contains("-Djarmode=tools"))
                .map(Dockerfile.Instruction::arguments).findFirst().orElse("");
        assertThat(extract).contains("cp \"$module/target/$module-$ZMART_VERSION.jar\" \"/jars/$module/app.jar\"",
                "extract --layers --destination \"/layers/$module\"");
        try (Stream<Path> modules = Files.list(PROJECT)) {
            List<String> bootModules = modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
                    .filter(m -> read(m.resolve("pom.xml")).contains("spring-boot-maven-plugin"))
                    .map(m -> m.getFileName().toString()).sorted().toList();
            assertThat(bootModules).isNotEmpty();
            for (String module : bootModules) {
                Map<String, Object> service = BASE.services().get(module);
                assertThat(service).as("compose service " + module).isNotNull();
                Path[] build = ComposeChecks.contextAndDockerfile(service, PROJECT);
                assertThat(build[0]).isEqualTo(PROJECT);
                assertThat(build[1]).isEqualTo(PROJECT.resolve("Dockerfile"));
                assertThat(target(service)).isEqualTo(module);
                String pom = read(PROJECT.resolve(module).resolve("pom.xml"));
                assertThat(DockerfileChecks.artifactId(pom)).isEqualTo(module);
                assertThat(extract).as("the build stage extracts " + module).containsPattern("for module in [^;]*\\b" + module + "\\b");
                List<String> stage = DOCKERFILE.stage(module).stream().map(i -> i.keyword() + " " + i.arguments()).toList();
                assertThat(stage).as("stage " + module).contains(
                        "COPY --from=build /layers/" + module + "/dependencies/ ./",
                        "COPY --from=build /layers/" + module + "/snapshot-dependencies/ ./",
                        "COPY --from=build /layers/" + module + "/application/ ./");
                assertThat(String.join("\n", stage)).contains("-jar app.jar").contains("-XX:MaxRAMPercentage=")
                        .contains("/actuator/health/readiness");
                assertThat(String.valueOf(service.get("image"))).isEqualTo("zmart/" + module + ":" + DockerfileChecks.version(pom));
            }
        }
    }

    @Test
    void everyContainerHasAMemoryLimitAndTheStackFitsALaptop() {
        long total = BASE.services().values().stream().mapToLong(s -> ComposeChecks.bytes(String.valueOf(s.get("mem_limit")))).sum();
        assertThat(total).as("sum of mem_limit in docker-compose.yml").isPositive().isLessThanOrEqualTo(LAPTOP_DOCKER_MEMORY);
        // Each JVM's heap is a share of its limit: the brokers' through KAFKA_HEAP_OPTS (the image's default is a fixed 1 GiB).
        for (ComposeFile file : List.of(BASE, CLUSTER)) {
            file.services().forEach((name, service) -> {
                if (name.startsWith("kafka") && !ComposeFile.isFragment(service)) {
                    assertThat(ComposeFile.environment(service).get("KAFKA_HEAP_OPTS")).as(name).contains("-XX:MaxRAMPercentage=");
                }
            });
        }
        assertThat(ComposeFile.environment(BASE.services().get("registry"))).containsKey("JAVA_MAX_MEM_RATIO");
        assertThat(DOCKERFILE.stage("connect")).anySatisfy(i -> assertThat(i.arguments()).startsWith("KAFKA_HEAP_OPTS=")
                .contains("-XX:MaxRAMPercentage="));
        // The README states the minimum.
        assertThat(read(PROJECT.resolve("README.md"))).contains("8 GiB");
    }

    @Test
    void theKafkaImagesAreNeverProbedWithCurlOrWget() {
        // apache/kafka's Dockerfile removes wget (apk del wget) and installs no curl: such a probe never succeeds.
        List<String> problems = new ArrayList<>();
        for (ComposeFile file : List.of(BASE, CLUSTER)) {
            file.services().forEach((name, service) -> {
                boolean kafkaImage = String.valueOf(service.get("image")).startsWith("apache/kafka:") || "connect".equals(target(service));
                if (kafkaImage && service.get("healthcheck") instanceof Map<?, ?> health) {
                    String tool = ProbeCitation.executable(health.get("test"));
                    if (tool.equals("curl") || tool.equals("wget")) {
                        problems.add(file.name() + ": " + name + " probes with " + tool);
                    }
                }
            });
        }
        String connectProbe = DOCKERFILE.stage("connect").stream().filter(i -> i.keyword().equals("HEALTHCHECK"))
                .map(i -> ProbeCitation.executableOfHealthcheck(i.arguments())).findFirst().orElse("");
        assertThat(connectProbe).isEqualTo("bash");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDocumentedScalingRangeCollidesWithNoOtherPort() {
        Pattern range = Pattern.compile("\\b([A-Z_]+_HOST_PORTS)=([0-9]+-[0-9]+)");
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String doc : List.of(".env.example", "README.md", "docs/runbook.md")) {
            Matcher m = range.matcher(read(PROJECT.resolve(doc)));
            while (m.find()) {
                documented.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(m.group(2));
            }
        }
        assertThat(documented).as("scaling examples in .env.example, README.md, docs/runbook.md").containsKey("REWARDS_HOST_PORTS");
        documented.forEach((variable, ranges) -> {
            assertThat(ranges).as(variable + " is documented with one range everywhere").hasSize(1);
            assertThat(BASE.allValues()).as(variable + " is a variable of docker-compose.yml")
                    .anySatisfy(v -> assertThat(v).contains("${" + variable + ":-"));
            assertThat(ComposeChecks.portsOnLoopbackAndUnique(List.of(BASE, CLUSTER), Map.of(variable, ranges.iterator().next())))
                    .as(variable + "=" + ranges).isEmpty();
        });
    }

    /** The stage compose builds for a service ({@code build.target}), or null. */
    private static String target(Map<String, Object> service) {
        return service.get("build") instanceof Map<?, ?> build && build.get("target") != null ? String.valueOf(build.get("target")) : null;
    }

    @Test
    void everyVariableGivenToAServiceIsOneItReads() {
        List<String> problems = new ArrayList<>();
        for (ComposeFile file : List.of(BASE, CLUSTER)) {
            file.services().forEach((name, service) -> {
                Map<String, String> env = ComposeFile.environment(service);
                Predicate<String> reads = readerOf(name);
                env.keySet().stream().filter(reads.negate()).forEach(variable ->
                        problems.add(file.name() + ": " + name + " gets " + variable + ", which it does not read"));
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySettingAServiceNeedsInAContainerIsGiven() {
        List<String> problems = new ArrayList<>();
        BASE.services().forEach((name, service) -> {
            Path module = PROJECT.resolve(name);
            Path yml = module.resolve("src/main/resources/application.yml");
            if (!Files.isRegularFile(yml)) {
                return;
            }
            Set<String> given = new HashSet<>(ComposeFile.environment(service).keySet());
            given.addAll(setByTheImage(target(service)));
            SpringProperties.read(yml).mustBeSetInAContainer().stream().filter(v -> !given.contains(v))
                    .forEach(v -> problems.add(name + " needs " + v + " (its default is this machine's, or it is a secret)"));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theConnectWorkerRunsWithTheEmbeddedWorkersSettings() throws IOException {
        Properties worker = new Properties();
        try (InputStream in = Files.newInputStream(PROJECT.resolve("docker/connect/connect-distributed.properties"))) {
            worker.load(in);
        }
        ConnectConverters.workerDefaults("${CONNECT_REGISTRY_URL}").forEach((key, value) ->
                assertThat(worker.getProperty(key)).as(key).isEqualTo(value));
        // As local-platform's ConnectWorker sets them.
        assertThat(worker).containsEntry("group.id", "zmart-connect")
                .containsEntry("config.storage.topic", "zmart-connect-configs")
                .containsEntry("offset.storage.topic", "zmart-connect-offsets")
                .containsEntry("status.storage.topic", "zmart-connect-status")
                .containsEntry("exactly.once.source.support", "enabled")
                .containsEntry("plugin.discovery", "service_load")
                .containsEntry("plugin.path", "/opt/zmart/plugins");
        // The Connect image and the broker are the Kafka version of the clients.
        String kafkaVersion = org.apache.kafka.common.utils.AppInfoParser.getVersion();
        assertThat(DOCKERFILE.stage("connect").get(0).arguments()).isEqualTo("apache/kafka:" + kafkaVersion + " AS connect");
        assertThat(BASE.services().get("kafka").get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
        // Every plugin folder Maven assembles is loaded (the folder list of connect-plugins/pom.xml).
        String plugins = read(PROJECT.resolve("connect-plugins/pom.xml"));
        assertThat(plugins).contains("<module>apicurio-registry-converter</module>", "<module>debezium-connector-postgres</module>",
                "<module>card-masking-smt</module>");
    }

    @Test
    void theInitStepDeploysTheConnectorFilesTheEmbeddedPlatformUses() throws IOException {
        Map<String, Object> init = BASE.services().get("platform-init");
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : ComposeFile.list(init, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            assertThat(parts).as("read-only mount " + volume).hasSize(3);
            assertThat(parts[2]).isEqualTo("ro");
            mounts.put(parts[0], parts[1]);
        }
        assertThat(mounts).isEqualTo(CONNECTOR_MOUNTS);
        Map<String, String> env = ComposeFile.environment(init);
        assertThat(List.of(env.get("CONNECTOR_DIRS").split(","))).containsExactlyInAnyOrderElementsOf(CONNECTOR_MOUNTS.values());

        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
        for (String folder : CONNECTOR_MOUNTS.keySet()) {
            List<Path> files;
            try (Stream<Path> list = Files.list(PROJECT.resolve(folder))) {
                files = list.filter(f -> f.toString().endsWith(".json")).toList();
            }
            assertThat(files).as(folder).isNotEmpty();
            for (Path file : files) {
                Matcher m = placeholder.matcher(read(file));
                while (m.find()) {
                    assertThat(env).as(file + " needs ${" + m.group(1) + "}").containsKey(m.group(1));
                }
            }
        }
        // The embedded platform reads connectors/<name>.json from the classpath: the very bytes of the mounted folder.
        for (String name : List.of("zmart-pos-sales", "zmart-pos-loyalty-members")) {
            try (InputStream in = ConnectorDeployer.class.getResourceAsStream("/connectors/" + name + ".json")) {
                assertThat(in).as(name + " on the classpath").isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(read(PROJECT.resolve("sales-connector/src/main/resources/connectors/" + name + ".json")));
            }
        }
    }

    @Test
    void theArchitectureDocumentNamesEveryTopicAndService() {
        String architecture = read(PROJECT.resolve("docs/architecture.md"));
        for (TopicSpec<?, ?> topic : Topics.ALL) {
            assertThat(architecture).as("docs/architecture.md topic table").contains("| `" + topic.name() + "` |");
        }
        BASE.services().keySet().forEach(service -> assertThat(architecture).as("docs/architecture.md").contains(service));
        String runbook = read(PROJECT.resolve("docs/runbook.md"));
        assertThat(runbook).contains("docker compose up", "compose.cluster.yml", "--scale", ".dlt");
    }

    /** What a compose service reads from its environment, by what it runs. */
    private static Predicate<String> readerOf(String service) {
        Map<String, Object> definition = BASE.services().get(service);
        Set<String> imageVariables = new HashSet<>();
        String image = definition == null ? "" : String.valueOf(definition.get("image"));
        if (service.startsWith("kafka")) {
            return RepositoryDeploymentTest::brokerReads;
        }
        if (THIRD_PARTY.contains(service)) {
            return v -> true;
        }
        if (service.equals("connect")) {
            Set<String> placeholders = placeholders(read(PROJECT.resolve("docker/connect/connect-distributed.properties")),
                    Pattern.compile("\\$\\{(CONNECT_[A-Z_]+)}"));
            return v -> placeholders.contains(v) || v.equals("KAFKA_HEAP_OPTS") || v.equals("KAFKA_OPTS");
        }
        if (service.equals("platform-init")) {
            Set<String> connectorPlaceholders = new HashSet<>();
            for (String folder : CONNECTOR_MOUNTS.keySet()) {
                try (Stream<Path> files = Files.list(PROJECT.resolve(folder))) {
                    files.forEach(f -> connectorPlaceholders.addAll(placeholders(read(f), Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}"))));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            imageVariables.addAll(setByTheImage("platform-init"));
            return v -> InitSettings.VARIABLES.contains(v) || connectorPlaceholders.contains(v) || imageVariables.contains(v);
        }
        if (service.equals("register-simulator")) {
            assertThat(image).startsWith("zmart/platform-init:");
            Set<String> cli = picocliEnvironment("sales-connector/src/main/java/com/zmart/sales/simulator/RegisterSimulatorCli.java");
            Set<String> dockerfile = setByTheImage("platform-init");
            return v -> cli.contains(v) || dockerfile.contains(v);
        }
        if (service.equals("campaign-simulator")) {
            assertThat(image).startsWith("zmart/clickstream-producer:");
            return picocliEnvironment("clickstream-producer/src/main/java/com/zmart/clickstream/simulator/CampaignSimulatorCli.java")::contains;
        }
        Path module = PROJECT.resolve(service);
        SpringProperties properties = SpringProperties.read(module.resolve("src/main/resources/application.yml"));
        Set<String> dockerfile = setByTheImage(target(definition));
        return v -> properties.reads(v) || dockerfile.contains(v);
    }

    /** The apache/kafka image turns KAFKA_A_B into a.b (__ into _, ___ into -): it must be a broker setting. */
    private static boolean brokerReads(String variable) {
        if (Set.of("CLUSTER_ID", "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS").contains(variable)) {
            return true;
        }
        if (!variable.startsWith("KAFKA_")) {
            return false;
        }
        String property = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                .replace('\u0001', '-').replace('\u0002', '_');
        return kafka.server.KafkaConfig.configDef().names().contains(property);
    }

    /** Variables a Dockerfile stage's shell uses or sets: {@code $JAVA_OPTS}, {@code ${MAIN_CLASS:-...}}, ENV names. */
    static Set<String> setByTheImage(String stage) {
        Set<String> variables = new LinkedHashSet<>();
        for (Dockerfile.Instruction i : stage == null ? List.<Dockerfile.Instruction>of() : DOCKERFILE.stage(stage)) {
            if (i.keyword().equals("ENV")) {
                variables.add(i.arguments().split("[= ]")[0]);
            }
            if (i.keyword().equals("ENTRYPOINT") || i.keyword().equals("CMD")) {
                variables.addAll(placeholders(i.arguments(), Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)")));
            }
        }
        return variables;
    }

    private static Set<String> picocliEnvironment(String source) {
        return placeholders(read(PROJECT.resolve(source)), Pattern.compile("\\$\\{env:([A-Z][A-Z0-9_]*)"));
    }

    private static Set<String> placeholders(String text, Pattern pattern) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
