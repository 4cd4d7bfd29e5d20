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
                environment:
                  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}
                ports: ["127.0.0.1:5433:5432"]
                healthcheck:
                  test: ["CMD", "pg_isready"]
              init:
                image: zmart/init:1.0
                restart: "no"
                depends_on:
                  db:
                    condition: service_healthy
              app:
                image: zmart/app:1.0
                restart: unless-stopped
                ports: ["127.0.0.1:${APP_PORTS:-8090}:8090"]
                depends_on:
                  init:
                    condition: service_completed_successfully
                healthcheck:
                  test: ["CMD-SHELL", "curl -f http://127.0.0.1:8090/actuator/health"]
            """;

    private static List<String> problems(String yaml) {
        ComposeFile file = ComposeFile.parse("snippet.yml", yaml);
        return ComposeChecks.all(file, Path.of("."));
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
                    healthcheck:
                      test: ["CMD-SHELL", "curl -f http://127.0.0.1:8090/actuator/health"]
                """, "");
        assertThat(problems(noHealth)).singleElement().asString().contains("app has no healthcheck");

        String dbNoHealth = GOOD.replace("""
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
    void secretsWrittenOrDefaultedInTheFileAreReported() {
        assertThat(problems(GOOD.replace("${POSTGRES_PASSWORD:?set it}", "postgres"))).singleElement().asString()
                .contains("POSTGRES_PASSWORD", "required from the environment");
        assertThat(problems(GOOD.replace("${POSTGRES_PASSWORD:?set it}", "${POSTGRES_PASSWORD:-postgres}"))).hasSize(1);
    }

    @Test
    void missingBuildContextsAndDockerfilesAreReported(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("app"));
        String yaml = GOOD.replace("image: zmart/app:1.0", "image: zmart/app:1.0\n    build: ./app")
                .replace("image: zmart/init:1.0", "image: zmart/init:1.0\n    build: {context: ./nowhere}");
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
            FROM eclipse-temurin:17.0.17_10-jre-noble AS layers
            COPY target/app-1.0.jar app.jar
            RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted
            # the runtime stage
            FROM eclipse-temurin:17.0.17_10-jre-noble
            COPY --from=layers /build/extracted/dependencies/ ./
            USER 10001:10001
            HEALTHCHECK --interval=10s \\
                CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
            ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
            """;

    private static Path module(Path dir) throws IOException {
        Files.writeString(dir.resolve("pom.xml"), """
                <project><parent><groupId>g</groupId><artifactId>p</artifactId><version>1.0</version></parent>
                <artifactId>app</artifactId><name>x</name>
                <dependencies><dependency><artifactId>other</artifactId><version>9.9</version></dependency></dependencies>
                </project>""");
        return dir;
    }

    private static List<String> dockerfileProblems(String text, Path context, boolean job) {
        return DockerfileChecks.check(Dockerfile.parse("Dockerfile", text), context, job);
    }

    @Test
    void aCorrectDockerfilePasses(@TempDir Path dir) throws IOException {
        assertThat(dockerfileProblems(GOOD_DOCKERFILE, module(dir), false)).isEmpty();
    }

    @Test
    void brokenDockerfilesAreReported(@TempDir Path dir) throws IOException {
        Path context = module(dir);
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("17.0.17_10-jre-noble\nCOPY --from", "latest\nCOPY --from"),
                context, false)).singleElement().asString().contains("FROM eclipse-temurin:latest");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("USER 10001:10001\n", ""), context, false))
                .singleElement().asString().contains("runs as root");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("USER 10001:10001", "USER root"), context, false))
                .singleElement().asString().contains("USER root");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("HEALTHCHECK --interval=10s \\\n    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1\n", ""),
                context, false)).singleElement().asString().contains("no HEALTHCHECK");
        String none = GOOD_DOCKERFILE.replace("HEALTHCHECK --interval=10s \\\n    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1", "HEALTHCHECK NONE");
        assertThat(dockerfileProblems(none, context, false)).singleElement().asString().contains("NONE");
        assertThat(dockerfileProblems(none, context, true)).isEmpty();
        // Something Maven does not produce (the dependency's version is not the module's).
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("target/app-1.0.jar", "target/app-9.9.jar"), context, false))
                .singleElement().asString().contains("is not produced by", "target/app-1.0.jar");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("target/app-1.0.jar", "config/app.yml"), context, false))
                .singleElement().asString().contains("does not exist");
        assertThat(dockerfileProblems(GOOD_DOCKERFILE.replace("COPY target/app-1.0.jar", "ADD https://example.org/app.jar"), context, false))
                .singleElement().asString().contains("downloads");
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
