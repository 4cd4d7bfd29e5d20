package com.zmart.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks find what they are for: each deliberately broken file is reported, a correct one is not. */
class ChecksCatchBrokenFilesTest {

    private static final String GOOD = """
            services:
              db:
                image: postgres:17.6
                restart: unless-stopped
                mem_limit: 512m
                environment:
                  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-local-demo-password}
                ports: ["127.0.0.1:5433:5432"]
                # probe: pg_isready — github.com/docker-library/postgres 17/bookworm/Dockerfile
                healthcheck:
                  test: ["CMD", "pg_isready"]
              init:
                image: zmart/init:1.0
                build: {context: ., target: init}
                pull_policy: build
                restart: "no"
                mem_limit: 256m
                depends_on:
                  db:
                    condition: service_healthy
              app:
                image: zmart/app:1.0
                restart: unless-stopped
                mem_limit: 640m
                ports: ["127.0.0.1:${APP_PORTS:-8090}:8090"]
                depends_on:
                  init:
                    condition: service_completed_successfully
                # Readiness, not liveness.
                # probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile
                healthcheck:
                  test: ["CMD-SHELL", "curl -f http://127.0.0.1:8090/actuator/health"]
            """;

    private static List<String> problems(String yaml) {
        ComposeFile file = ComposeFile.parse("snippet.yml", yaml);
        return ComposeChecks.all(file, PROJECT);
    }

    /** A folder with the Dockerfile GOOD's init service builds. */
    private static final Path PROJECT = project();

    private static Path project() {
        try {
            Path dir = Files.createTempDirectory("zmart-checks");
            Files.writeString(dir.resolve("Dockerfile"), "FROM eclipse-temurin:17.0.17_10-jre-noble AS init\n");
            dir.toFile().deleteOnExit();
            dir.resolve("Dockerfile").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCorrectFilePasses() {
        assertThat(problems(GOOD)).isEmpty();
    }

    @Test
    void unpinnedImagesAreReported() {
        assertThat(problems(GOOD.replace("postgres:17.6", "postgres:latest"))).singleElement().asString()
                .contains("db", "latest");
        assertThat(problems(GOOD.replace("postgres:17.6", "postgres"))).singleElement().asString().contains("no tag");
        assertThat(problems(GOOD.replace("zmart/app:1.0", "zmart/app:stable"))).singleElement().asString()
                .contains("names no version");
        assertThat(ImageReference.unpinnedReason("localhost:5000/zmart/app")).contains("no tag");
        assertThat(ImageReference.unpinnedReason("apache/kafka@sha256:abc")).isNull();
    }

    @Test
    void portsOnEveryInterfaceOrPublishedTwiceAreReported() {
        assertThat(problems(GOOD.replace("\"127.0.0.1:5433:5432\"", "\"5433:5432\""))).singleElement().asString()
                .contains("db", "every interface");
        assertThat(problems(GOOD.replace("\"127.0.0.1:5433:5432\"", "\"0.0.0.0:5433:5432\""))).hasSize(1);
        assertThat(problems(GOOD.replace("\"127.0.0.1:5433:5432\"", "\"5432\""))).hasSize(1);
        assertThat(problems(GOOD.replace("5433:5432", "8090:5432"))).singleElement().asString()
                .contains("host port 8090", "db", "app");
        // A range for scaling collides with any port inside it.
        assertThat(problems(GOOD.replace("${APP_PORTS:-8090}", "${APP_PORTS:-5430-5439}"))).singleElement().asString()
                .contains("5433");
    }

    @Test
    void missingHealthChecksAndWaitsWithoutConditionsAreReported() {
        String noHealth = GOOD.replace("""
                    # probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile
                    healthcheck:
                      test: ["CMD-SHELL", "curl -f http://127.0.0.1:8090/actuator/health"]
                """, "");
        assertThat(problems(noHealth)).singleElement().asString().contains("app has no healthcheck");

        String dbNoHealth = GOOD.replace("""
                    # probe: pg_isready — github.com/docker-library/postgres 17/bookworm/Dockerfile
                    healthcheck:
                      test: ["CMD", "pg_isready"]
                """, "");
        assertThat(problems(dbNoHealth)).anySatisfy(p -> assertThat(p).contains("db has no healthcheck"))
                .anySatisfy(p -> assertThat(p).contains("waits for db to be healthy, but db has no healthcheck"));

        assertThat(problems(GOOD.replace("condition: service_healthy", "condition: service_started")))
                .singleElement().asString().contains("service_started");
        assertThat(problems(GOOD.replace("""
                    depends_on:
                      db:
                        condition: service_healthy
                """, """
                    depends_on: [db]
                """))).singleElement().asString().contains("without conditions");
        assertThat(problems(GOOD.replace("restart: \"no\"", "restart: unless-stopped")))
                .anySatisfy(p -> assertThat(p).contains("init is not a job"));
        assertThat(problems(GOOD.replace("""
                      init:
                        condition: service_completed_successfully
                """, """
                      ghost:
                        condition: service_completed_successfully
                """))).singleElement().asString().contains("depends on ghost, which is not defined");
    }

    @Test
    void secretsWrittenInTheFileOrDefaultedToARealLookingValueAreReported() {
        assertThat(problems(GOOD.replace("${POSTGRES_PASSWORD:-local-demo-password}", "postgres"))).singleElement().asString()
                .contains("POSTGRES_PASSWORD", "must come from the environment");
        assertThat(problems(GOOD.replace("${POSTGRES_PASSWORD:-local-demo-password}", "${POSTGRES_PASSWORD:-postgres}")))
                .singleElement().asString().contains("POSTGRES_PASSWORD", "local demo only");
        assertThat(problems(GOOD.replace("${POSTGRES_PASSWORD:-local-demo-password}", "x${POSTGRES_PASSWORD:-local-demo-password}")))
                .singleElement().asString().contains("must come from the environment");
    }

    @Test
    void variablesWithoutADefaultAreReported() {
        // Required or bare: a clean clone with no .env would not start.
        assertThat(problems(GOOD.replace("${POSTGRES_PASSWORD:-local-demo-password}", "${POSTGRES_PASSWORD:?set it}")))
                .anySatisfy(p -> assertThat(p).contains("'${POSTGRES_PASSWORD:?set it}' has no default"));
        assertThat(problems(GOOD.replace("${APP_PORTS:-8090}", "${APP_PORTS}"))).singleElement().asString()
                .contains("'${APP_PORTS}' has no default");
        assertThat(problems(GOOD.replace("image: zmart/app:1.0", "image: zmart/app:1.0\n    command: [\"--rate\", \"$RATE\"]")))
                .singleElement().asString().contains("'$RATE' has no default");
        assertThat(problems(GOOD.replace("image: zmart/app:1.0", "image: zmart/app:1.0\n    command: [\"$$HOME\"]"))).isEmpty();
    }

    @Test
    void builtImagesThatComposeCouldPullAreReported() {
        assertThat(problems(GOOD.replace("    pull_policy: build\n", ""))).singleElement().asString()
                .contains("init builds its image", "pull_policy: build");
        assertThat(problems(GOOD.replace("pull_policy: build", "pull_policy: missing"))).singleElement().asString()
                .contains("pull_policy missing");
        // Another service running the image only the file builds.
        assertThat(problems(GOOD.replace("image: zmart/app:1.0", "image: zmart/init:1.0"))).singleElement().asString()
                .contains("app runs zmart/init:1.0, which this file builds");
    }

    @Test
    void containersWithoutAMemoryLimitAreReported() {
        assertThat(problems(GOOD.replace("    mem_limit: 640m\n", ""))).singleElement().asString().contains("app has no mem_limit");
        assertThat(problems(GOOD.replace("mem_limit: 640m", "mem_limit: lots"))).singleElement().asString().contains("cannot be read");
        assertThat(problems(GOOD.replace("mem_limit: 640m", "mem_limit: 640m\n    deploy: {resources: {limits: {memory: 1g}}}")))
                .singleElement().asString().contains("keep one");
        assertThat(problems(GOOD.replace("mem_limit: 640m", "mem_limit: 640m\n    deploy: {resources: {limits: {memory: 640m}}}")))
                .isEmpty();
        assertThat(ComposeChecks.bytes("1g")).isEqualTo(1L << 30);
        assertThat(ComposeChecks.bytes("640m")).isEqualTo(640L << 20);
    }

    @Test
    void healthChecksWithoutACitedToolAreReported() {
        assertThat(problems(GOOD.replace("    # probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile\n", "")))
                .singleElement().asString().contains("app healthcheck has no '# probe: TOOL — SOURCE' comment", "curl");
        // The probe changed, its citation did not (the wget the Kafka image removes, say).
        assertThat(problems(GOOD.replace("\"curl -f http", "\"wget -q -O- http"))).singleElement().asString()
                .contains("runs wget but its probe comment cites curl");
        assertThat(problems(GOOD.replace("# probe: pg_isready — github.com/docker-library/postgres 17/bookworm/Dockerfile",
                "# probe: pg_isready — trust me"))).singleElement().asString().contains("cites no source");
        // A blank line parts the comment from the check it cites for.
        assertThat(problems(GOOD.replace("17/bookworm/Dockerfile\n", "17/bookworm/Dockerfile\n\n"))).singleElement().asString()
                .contains("db healthcheck has no");
    }

    @Test
    void aScalingRangeIsCheckedWithTheValueItIsGiven() {
        ComposeFile file = ComposeFile.parse("snippet.yml", GOOD);
        assertThat(ComposeChecks.portsOnLoopbackAndUnique(List.of(file), Map.of("APP_PORTS", "8090-8092"))).isEmpty();
        assertThat(ComposeChecks.portsOnLoopbackAndUnique(List.of(file), Map.of("APP_PORTS", "5431-5433"))).singleElement()
                .asString().contains("host port 5433");
    }

    @Test
    void missingBuildContextsAndDockerfilesAreReported(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("app"));
        String yaml = GOOD.replace("image: zmart/app:1.0", "image: zmart/app:1.0\n    build: ./app")
                .replace("build: {context: ., target: init}", "build: {context: ./nowhere}");
        List<String> problems = ComposeChecks.all(ComposeFile.parse("snippet.yml", yaml), project);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("app has no Dockerfile"))
                .anySatisfy(p -> assertThat(p).contains("init build context", "not a folder"));
    }

    @Test
    void interpolationFollowsCompose() {
        Map<String, String> env = Map.of("SET", "x", "EMPTY", "");
        assertThat(ComposeFile.interpolate("${SET:-d}/${UNSET:-d}/${EMPTY:-d}/${EMPTY-d}/$$HOME/${SET}", env))
                .isEqualTo("x/d/d//$HOME/x");
        assertThatThrownBy(() -> ComposeFile.interpolate("${UNSET:?tell me}", env)).hasMessageContaining("tell me");
    }

    private static final String GOOD_DOCKERFILE = """
            FROM eclipse-temurin:17.0.17_10-jdk-noble AS build
            WORKDIR /workspace
            COPY . .
            RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests
            RUN java -Djarmode=tools -jar app/target/app-1.0.jar extract --layers --destination /layers
            # the runtime stages
            FROM eclipse-temurin:17.0.17_10-jre-noble AS jre
            USER 10001:10001

            FROM jre AS app
            COPY --from=build /layers/dependencies/ ./
            COPY config/app.yml config/
            # probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile
            HEALTHCHECK --interval=10s \\
                CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
            ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "app.jar"]
            """;

    private static Path module(Path dir) throws IOException {
        Files.writeString(dir.resolve("pom.xml"), """
                <project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1.0</version></parent>
                <artifactId>app</artifactId><name>x</name>
                <dependencies><dependency><artifactId>other</artifactId><version>9.9</version></dependency></dependencies>
                </project>""");
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/app.yml"), "x: 1\n");
        return dir;
    }

    private static List<String> dockerfileProblems(String text, Path context, boolean job) {
        return DockerfileChecks.check(Dockerfile.parse("Dockerfile", text), context, "app", job);
    }

    @Test
    void aCorrectDockerfilePasses(@TempDir Path dir) throws IOException {
        assertThat(dockerfileProblems(GOOD_DOCKERFILE, module(dir), false)).isEmpty();
        // The stage chain: USER comes from the jre stage app is built from.
        Dockerfile parsed = Dockerfile.parse("Dockerfile", GOOD_DOCKERFILE);
        assertThat(parsed.stageNames()).containsExactly("build", "jre", "app");
        assertThat(parsed.stage("app")).extracting(Dockerfile.Instruction::keyword)
                .containsExactly("FROM", "USER", "FROM", "COPY", "COPY", "HEALTHCHECK", "ENTRYPOINT");
    }

    @Test
    void brokenDockerfilesAreReported(@TempDir Path dir) throws IOException {
        Path context = module(dir);
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("17.0.17_10-jre-noble AS jre", "latest AS jre"),
                context, false)).singleElement().asString().contains("FROM eclipse-temurin:latest");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("USER 10001:10001\n", ""), context, false))
                .singleElement().asString().contains("stage app runs as root");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("USER 10001:10001", "USER root"), context, false))
                .singleElement().asString().contains("USER root");
        // USER root in the app stage after the jre stage's USER: the last one counts.
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("FROM jre AS app\n", "FROM jre AS app\nUSER 0\n"), context, false))
                .singleElement().asString().contains("USER 0");
        String noHealth = GOOD_DOCKERFILE.replace("""
                # probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile
                HEALTHCHECK --interval=10s \\
                    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
                """, "");
        assertThat(dockerfileProblems(noHealth, context, false)).singleElement().asString().contains("no HEALTHCHECK");
        String none = GOOD_DOCKERFILE.replace("""
                HEALTHCHECK --interval=10s \\
                    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1""", "HEALTHCHECK NONE");
        assertThat(dockerfileProblems(none, context, false)).singleElement().asString().contains("NONE");
        assertThat(dockerfileProblems(none, context, true)).isEmpty();
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("config/app.yml config/", "config/missing.yml config/"), context, false))
                .singleElement().asString().contains("does not exist");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("COPY config/app.yml", "ADD https://example.org/app.yml"), context, false))
                .singleElement().asString().contains("downloads");
        assertThat(DockerfileChecks.check(Dockerfile.parse("Dockerfile", GOOD_DOCKERFILE), context, "ghost", false))
                .singleElement().asString().contains("no stage named ghost");
    }

    @Test
    void copiesOfTheHostsBuildOutputAreReported(@TempDir Path dir) throws IOException {
        Path context = module(dir);
        Files.createDirectories(context.resolve("target"));
        Files.writeString(context.resolve("target/app-1.0.jar"), "jar");
        // Even a file Maven does produce: a clean clone has no target/.
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("COPY config/app.yml config/", "COPY target/app-1.0.jar app.jar"),
                context, false)).singleElement().asString().contains("COPY target/app-1.0.jar", "host's build output");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("COPY config/app.yml config/", "COPY --chown=1:1 app/target/plugins/ /p/"),
                context, false)).singleElement().asString().contains("app/target/plugins/", "host's build output");
        // From a stage that is not there.
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("--from=build", "--from=builder"), context, false))
                .singleElement().asString().contains("--from=builder names no earlier stage");
    }

    @Test
    void dockerfileHealthChecksWithoutACitedToolAreReported(@TempDir Path dir) throws IOException {
        Path context = module(dir);
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("# probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile\n", ""),
                context, false)).singleElement().asString().contains("has no '# probe: TOOL — SOURCE' comment", "curl");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("CMD curl -fsS", "CMD wget -q -O-"), context, false))
                .singleElement().asString().contains("runs wget but its probe comment cites curl");
        String exec = GOOD_DOCKERFILE.replace("# probe: curl", "# probe: bash").replace("""
                HEALTHCHECK --interval=10s \\
                    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1""", "HEALTHCHECK CMD [\"bash\", \"/health.sh\"]");
        assertThat(dockerfileProblems(exec, context, false)).isEmpty();
    }

    @Test
    void aJvmWhoseHeapIgnoresTheMemoryLimitIsReported(@TempDir Path dir) throws IOException {
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("\"-XX:MaxRAMPercentage=60\", ", ""), module(dir), false))
                .singleElement().asString().contains("runs java without -XX:MaxRAMPercentage");
    }

    @Test
    void springPropertiesBindRelaxedAndThroughPlaceholders() {
        SpringProperties properties = SpringProperties.parse("""
                spring:
                  kafka:
                    bootstrap-servers: ${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}
                zmart:
                  sales-trends:
                    state-dir: ${STREAMS_STATE_DIR:.zmart/state}
                    link-secret: ${LINK_SECRET:dev}
                    windows:
                      - size: 1m
                  rewards:
                    mail:
                      from: ${MAIL_FROM:rewards@zmart.example}
                      password: ${MAIL_PASSWORD}
                """);

        assertThat(properties.reads("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(properties.reads("SPRING_KAFKA_BOOTSTRAPSERVERS")).isTrue();
        assertThat(properties.reads("ZMART_SALESTRENDS_STATEDIR")).isTrue();
        assertThat(properties.reads("ZMART_REWARDS_MAIL_FROM")).isTrue();
        assertThat(properties.reads("ZMART_SALESTRENDS_WINDOWS_0_SIZE")).isTrue();
        // Dead or misspelled settings.
        assertThat(properties.reads("KAFKA_BOOTSTRAP_SERVER")).isFalse();
        assertThat(properties.reads("ZMART_REWARDS_MAIL_SENDER")).isFalse();
        assertThat(properties.mustBeSetInAContainer()).containsExactlyInAnyOrder("KAFKA_BOOTSTRAP_SERVERS", "LINK_SECRET",
                "MAIL_PASSWORD");
    }
}
