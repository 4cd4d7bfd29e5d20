# Every image of the compose stack, built from the sources alone (no Maven build on the host first). The stage
# `build` runs the Maven reactor once; each image is a later stage that docker-compose.yml picks with `build.target`,
# so `docker compose build` builds the jars once for all of them (BuildKit runs a shared stage once).
# Needs BuildKit, for the Maven cache: Compose v2 (`docker compose`) always builds with it; docker-compose 1.29 needs
# DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1. deployment-checks reads this file (no host build output copied, every
# image pinned, no image runs as root, every health probe a tool its image has).

# --- build: the services' jars and the Connect plugin folders --------------------------------------------------
# A JDK 17, as the suite's maven.compiler.release; the runtime images below are the same release's JRE.
FROM eclipse-temurin:17.0.17_10-jdk-noble AS build
ARG ZMART_VERSION=0.1.0-SNAPSHOT
WORKDIR /workspace
# The whole reactor's sources (.dockerignore keeps out target/, .git and IDE files): Maven reads every module's pom.
COPY . .
# Maven's downloads (and Maven itself, which ./mvnw fetches) stay in a BuildKit cache between builds, never in an
# image. Tests are compiled, not run: they need a platform the build has not got (`./mvnw -B verify` runs them).
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -q -DskipTests package -am -pl \
      clickstream-producer,rewards-service,inventory-service,sales-dashboard,sales-trends-streams,platform-init,connect-plugins/apicurio-registry-converter,connect-plugins/debezium-connector-postgres,connect-plugins/debezium-connector-jdbc,connect-plugins/card-masking-smt
# Each Spring Boot jar split into its layers (dependencies change seldom, the application often), as an app.jar
# whose manifest lists lib/: a plain class path starts with about a third less CPU than nested jars. (The extracted
# jar keeps its source's name, hence the copy to app.jar first.)
RUN for module in clickstream-producer rewards-service inventory-service sales-dashboard sales-trends-streams; do \
      mkdir -p "/jars/$module" && cp "$module/target/$module-$ZMART_VERSION.jar" "/jars/$module/app.jar" \
      && java -Djarmode=tools -jar "/jars/$module/app.jar" extract --layers --destination "/layers/$module" \
      || exit 1; \
    done

# --- connect: the official Kafka image (the suite's Kafka version) running our worker and plugins ----------------
FROM apache/kafka:4.1.2 AS connect
# Apicurio converter, Debezium PostgreSQL source, Debezium JDBC sink, our transforms: each folder its own class loader.
COPY --from=build --chown=appuser:appuser /workspace/connect-plugins/target/plugins/ /opt/zmart/plugins/
COPY --chown=appuser:appuser docker/connect/connect-distributed.properties docker/connect/start-worker.sh docker/connect/health.sh /opt/zmart/
# The image's own user (uid 1000), not root.
USER appuser
# The heap follows the container's memory limit (docker-compose.yml) instead of connect-distributed.sh's fixed -Xmx2G;
# 60 %: the plugins' classes and Connect's threads live outside the heap.
ENV KAFKA_HEAP_OPTS="-XX:InitialRAMPercentage=25 -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8083
# probe: bash — github.com/apache/kafka docker/jvm/Dockerfile installs bash (apk add ... bash) and removes wget (apk del
#  wget); no curl
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=10 CMD ["bash", "/opt/zmart/health.sh"]
ENTRYPOINT ["/bin/sh", "/opt/zmart/start-worker.sh"]

# --- jre: what every image of ours below runs on -------------------------------------------------------------------
FROM eclipse-temurin:17.0.17_10-jre-noble AS jre
RUN groupadd --system --gid 10001 zmart \
    && useradd --system --uid 10001 --gid zmart --home-dir /var/lib/zmart --shell /usr/sbin/nologin zmart \
    && mkdir -p /var/lib/zmart && chown zmart:zmart /var/lib/zmart
WORKDIR /app
# The files copied below stay root's (read-only to the app).
USER 10001:10001
# JAVA_OPTS adds settings to each image's java command.
ENV JAVA_OPTS=""

# --- platform-init: the one-shot init step (schema of the registers, topics, contracts, connectors) ----------------
FROM jre AS platform-init
# Layers, least changing first: third-party jars, the suite's jars, this module's jar.
COPY --from=build /workspace/platform-init/target/lib/ lib/
COPY --from=build /workspace/platform-init/target/lib-zmart/ lib-zmart/
COPY --from=build /workspace/platform-init/target/platform-init-0.1.0-SNAPSHOT.jar platform-init.jar
# A job, not a service: it runs once and exits 0 (services wait for service_completed_successfully).
HEALTHCHECK NONE
# The register simulator runs from this image too (MAIN_CLASS=com.zmart.sales.simulator.RegisterSimulatorCli).
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -cp '/app/lib/*:/app/lib-zmart/*:/app/platform-init.jar' \"${MAIN_CLASS:-com.zmart.init.PlatformInit}\" \"$@\"", "--"]

# --- The services. Heap: 60 % of the container's memory limit; 50 % for the Streams services, whose RocksDB stores
# live outside the heap. Probe: the readiness endpoint, with curl, which eclipse-temurin's Ubuntu images install.

# Clickstream producer: POST /api/clicks, email tracking links.
FROM jre AS clickstream-producer
COPY --from=build /layers/clickstream-producer/dependencies/ ./
COPY --from=build /layers/clickstream-producer/snapshot-dependencies/ ./
COPY --from=build /layers/clickstream-producer/application/ ./
EXPOSE 8090
# probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile (apt-get install ... curl wget)
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS "http://127.0.0.1:${PORT:-8090}/actuator/health/readiness" >/dev/null || exit 1
# The campaign simulator runs from this image too (docker-compose.yml, campaign-simulator).
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar app.jar \"$@\"", "--"]

# Rewards service: loyalty points (Kafka Streams, exactly-once), REST lookups, coupon emails over SMTP.
FROM jre AS rewards-service
COPY --from=build /layers/rewards-service/dependencies/ ./
COPY --from=build /layers/rewards-service/snapshot-dependencies/ ./
COPY --from=build /layers/rewards-service/application/ ./
EXPOSE 8091
# probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile (apt-get install ... curl wget)
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS "http://127.0.0.1:${PORT:-8091}/actuator/health/readiness" >/dev/null || exit 1
# Other instances forward interactive queries to ADVERTISED_HOST: by default this container's own address, so that
# 'docker compose up --scale rewards-service=3' needs no per-instance setting.
ENTRYPOINT ["/bin/sh", "-c", ": \"${ADVERTISED_HOST:=$(hostname -i | cut -d' ' -f1)}\"; export ADVERTISED_HOST; exec java -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar app.jar \"$@\"", "--"]

# Inventory service: stock per store and sku, reorders through an outbox, restocks.
FROM jre AS inventory-service
COPY --from=build /layers/inventory-service/dependencies/ ./
COPY --from=build /layers/inventory-service/snapshot-dependencies/ ./
COPY --from=build /layers/inventory-service/application/ ./
EXPOSE 8092
# probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile (apt-get install ... curl wget)
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS "http://127.0.0.1:${PORT:-8092}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar app.jar \"$@\"", "--"]

# Sales dashboard: the charts over the dashboard database the Connect sinks fill.
FROM jre AS sales-dashboard
COPY --from=build /layers/sales-dashboard/dependencies/ ./
COPY --from=build /layers/sales-dashboard/snapshot-dependencies/ ./
COPY --from=build /layers/sales-dashboard/application/ ./
EXPOSE 8093
# probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile (apt-get install ... curl wget)
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS "http://127.0.0.1:${PORT:-8093}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar app.jar \"$@\"", "--"]

# Sales trends: windowed sales per store and department, campaign attribution (Kafka Streams).
FROM jre AS sales-trends-streams
COPY --from=build /layers/sales-trends-streams/dependencies/ ./
COPY --from=build /layers/sales-trends-streams/snapshot-dependencies/ ./
COPY --from=build /layers/sales-trends-streams/application/ ./
EXPOSE 8094
# probe: curl — github.com/adoptium/containers 17/jre/ubuntu/noble/Dockerfile (apt-get install ... curl wget)
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS "http://127.0.0.1:${PORT:-8094}/actuator/health/readiness" >/dev/null || exit 1
# Other instances forward interactive queries to ADVERTISED_HOST: by default this container's own address, so that
# 'docker compose up --scale sales-trends-streams=3' needs no per-instance setting.
ENTRYPOINT ["/bin/sh", "-c", ": \"${ADVERTISED_HOST:=$(hostname -i | cut -d' ' -f1)}\"; export ADVERTISED_HOST; exec java -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar app.jar \"$@\"", "--"]
