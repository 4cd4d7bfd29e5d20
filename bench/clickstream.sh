#!/usr/bin/env bash
# Benchmark of the clickstream service: clicks accepted over HTTP (wrk, bench/clickstream-post.lua), one click per
# request and batches, against the raw produce rate of records of the same size with Kafka's own producer
# performance tool (org.apache.kafka.tools.ProducerPerformance), same cluster, topic and producer settings, same run.
# Usage: bench/clickstream.sh      Environment (defaults): DURATION=30 WARMUP=30 THREADS=2 CONNECTIONS=32 BATCH=50
#                                                          PERF_RECORDS=3000000
# Starts (and stops) its own platform (Kafka, registry; no Connect) and service on free ports; prints a Markdown
# table for docs/performance.md. Everything shares this machine's cores: wrk, the service, the broker, the registry.
set -euo pipefail
cd "$(dirname "$0")/.."

# A warm-up of 30 s: on two cores the service's C2 compiler needs that long under load to compile the web stack; after
# 5 s the figure measured the compilers (1,412-1,712 requests/s against 5,554 after 30 s, docs/performance.md).
duration=${DURATION:-30} warmup=${WARMUP:-30} threads=${THREADS:-2} connections=${CONNECTIONS:-32}
batch=${BATCH:-50} perf_records=${PERF_RECORDS:-3000000}

log() { echo "[$(date +%T)] $*" >&2; }

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "Installing wrk (apt-get install -y wrk)..."
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    echo "bench/clickstream.sh needs wrk (Debian/Ubuntu: apt-get install wrk; macOS: brew install wrk)" >&2
    exit 1
  fi
fi

# Figures are distorted by any other benchmark on the same cores: wait for the sales connector's (up to 10 minutes).
for _ in $(seq 1 30); do
  pgrep -f SalesPipelineBenchmark >/dev/null || break
  log "SalesPipelineBenchmark is running; waiting for it to finish..."
  sleep 20
done
if pgrep -f SalesPipelineBenchmark >/dev/null; then
  echo "SalesPipelineBenchmark still running after 10 minutes; not measuring." >&2
  exit 1
fi

log "Building clickstream-producer..."
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -pl clickstream-producer -am install -DskipTests
jar=clickstream-producer/target/clickstream-producer-0.1.0-SNAPSHOT.jar

work=$(mktemp -d "${TMPDIR:-/tmp}/zmart-clickstream-bench.XXXXXX")
platform_pid='' service_pid=''
cleanup() {
  local status=$?
  [ -n "$service_pid" ] && kill -TERM "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  # SIGTERM, not SIGINT (ignored by background jobs of a script): the platform's shutdown hook stops its children.
  [ -n "$platform_pid" ] && kill -TERM "$platform_pid" 2>/dev/null && wait "$platform_pid" 2>/dev/null || true
  local left
  for _ in $(seq 1 20); do
    left=$(pgrep -f "$work" || true)
    [ -z "$left" ] && break
    sleep 0.5
  done
  if [ -n "$left" ]; then
    echo "Processes left behind (stopping them):" >&2
    ps -o pid,ppid,args -p "${left//$'\n'/,}" >&2 || true
    kill -TERM $left 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# Kafka's producer performance tool is in kafka-tools, which the suite does not depend on: resolve it (and its
# dependencies) through a throwaway pom, outside the repository's build.
log "Resolving org.apache.kafka:kafka-tools:4.1.2..."
mkdir -p "$work/kafka-tools"
cat >"$work/kafka-tools/pom.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>kafka-tools-classpath</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>4.1.2</version></dependency>
  </dependencies>
</project>
EOF
./mvnw -q -B -f "$work/kafka-tools/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile="$work/kafka-tools/classpath.txt"

log "Starting the platform (Kafka, Schema Registry; free ports)..."
bin/zmart-platform --data-dir "$work/platform" --no-connect --kafka-port 0 --registry-port 0 --postgres-port 0 \
  --connect-port 0 --smtp-port 0 >"$work/platform.log" 2>&1 &
platform_pid=$!
until grep -q 'Press Ctrl-C' "$work/platform.log"; do
  kill -0 "$platform_pid" 2>/dev/null || { cat "$work/platform.log" >&2; exit 1; }
  sleep 0.5
done
bootstrap=$(sed -n 's/^ *Kafka bootstrap servers *//p' "$work/platform.log")
registry=$(sed -n 's/^ *Schema Registry (Apicurio API) *//p' "$work/platform.log")
log "Kafka $bootstrap, registry $registry"

log "Starting the service..."
KAFKA_BOOTSTRAP_SERVERS=$bootstrap REGISTRY_URL=$registry PORT=0 \
  java ${CLICKSTREAM_JAVA_OPTS:-} -jar "$jar" >"$work/service.log" 2>&1 &
service_pid=$!
port=''
until [ -n "$port" ]; do
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.5
  port=$(grep -oE 'Tomcat started on port[^0-9]*[0-9]+' "$work/service.log" | grep -oE '[0-9]+$' || true)
done
url=http://127.0.0.1:$port
until curl -sf "$url/actuator/health" | grep -q '"status":"UP"'; do
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.5
done
log "Service up on $url"

accepted_total() { curl -sf "$url/actuator/prometheus" | awk '/^zmart_clicks_accepted_total/ {printf "%.0f", $2}'; }

# Runs wrk; prints "requests/s clicks/s p50_ms p99_ms non2xx socket_errors clicks_accepted_by_the_service".
measure() { # $1 clicks per request, then wrk script arguments
  local per_request=$1 out before after
  shift
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -s bench/clickstream-post.lua "$url" -- "$@" >/dev/null
  before=$(accepted_total)
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 20s -s bench/clickstream-post.lua "$url" -- "$@")
  after=$(accepted_total)
  echo "$out" >&2
  echo "$out" | awk -v per="$per_request" -v accepted=$((after - before)) '/^RESULT/ {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
      rps = r["requests"] / (r["duration_us"] / 1e6)
      printf "%.0f %.0f %.1f %.1f %d %d %d\n", rps, rps * per, r["p50_us"] / 1000, r["p99_us"] / 1000, r["status_errors"],
        r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"], accepted }'
}

log "wrk: POST /api/clicks, ${threads} threads, ${connections} connections, ${warmup} s warm-up + ${duration} s..."
read -r single_rps single_cps single_p50 single_p99 single_non2xx single_errors single_accepted < <(measure 1)
log "wrk: POST /api/clicks/batch ($batch clicks), ${warmup} s warm-up + ${duration} s..."
read -r batch_rps batch_cps batch_p50 batch_p99 batch_non2xx batch_errors batch_accepted < <(measure "$batch" batch "$batch")

# The real size of a click on the topic: the values the service wrote (Confluent wire format + Avro body).
cat >"$work/ClickSize.java" <<'EOF'
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public class ClickSize {
    public static void main(String[] args) {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", args[0],
                "group.id", "click-size", "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("zmart.clicks"));
            long n = 0, keys = 0, values = 0;
            for (int polls = 0; n < 10_000 && polls < 50; polls++) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    n++;
                    keys += r.key().length;
                    values += r.value().length;
                }
            }
            System.out.printf("CLICK_SIZE %d %d %d%n", n, Math.round((double) values / n), Math.round((double) keys / n));
        }
    }
}
EOF
read -r sampled value_size key_size < <(java -cp "$(cat clickstream-producer/target/runtime-classpath.txt)" \
  "$work/ClickSize.java" "$bootstrap" 2>/dev/null | sed -n 's/^CLICK_SIZE //p')
log "Clicks on zmart.clicks: value $value_size bytes, key $key_size bytes (mean of $sampled records)"

# Kafka's producer performance tool, same cluster, topic, record size and producer settings as the service.
# Prints "records/s MB/s p50_ms p99_ms".
producer_performance() { # $1 records, $2 records/s (-1: as fast as possible)
  java -Xmx1g -cp "$(cat "$work/kafka-tools/classpath.txt")" org.apache.kafka.tools.ProducerPerformance \
    --topic zmart.clicks --num-records "$1" --record-size "$value_size" --throughput "$2" \
    --producer-props bootstrap.servers="$bootstrap" acks=all enable.idempotence=true compression.type=lz4 linger.ms=0 \
    batch.size=65536 client.id=producer-performance >"$work/perf.log" 2>&1 || { cat "$work/perf.log" >&2; echo "failed - - -"; return; }
  # "N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency, P50 ms 50th, P95 ms 95th, P99 ms 99th, ..."
  grep 'records sent' "$work/perf.log" | tail -1 >&2
  grep 'records sent' "$work/perf.log" | tail -1 | tr -d ',()' |
    awk '{ for (i = 1; i <= NF; i++) { if ($i == "records/sec") r = $(i-1); if ($i == "MB/sec") m = $(i-1);
                                       if ($i == "50th") p50 = $(i-2); if ($i == "99th") p99 = $(i-2) }
           printf "%.0f %s %s %s\n", r, m, p50, p99 }'
}
log "ProducerPerformance: $perf_records records of $value_size bytes as fast as possible, acks=all, idempotence, lz4, linger 0 ms, batch 64 KB..."
read -r perf_rps perf_mbs perf_p50 perf_p99 < <(producer_performance "$perf_records" -1)
# The same tool at the rate the service reached with batches: the latency of Kafka alone at that load.
log "ProducerPerformance: $batch_cps records/s for ${duration} s..."
read -r paced_rps paced_mbs paced_p50 paced_p99 < <(producer_performance $((batch_cps * duration)) "$batch_cps")

echo
echo "wrk: $threads threads, $connections connections, ${duration} s after a ${warmup} s warm-up. Clicks the service counted as"
echo "accepted (zmart_clicks_accepted_total) during the measured runs: $single_accepted (single), $batch_accepted (batch)."
echo
echo "| measurement | requests/s | clicks (records)/s | p50 latency (ms) | p99 latency (ms) | non-2xx | socket errors |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
echo "| HTTP \`POST /api/clicks\`, 1 click per request | $single_rps | $single_cps | $single_p50 | $single_p99 | $single_non2xx | $single_errors |"
echo "| HTTP \`POST /api/clicks/batch\`, $batch clicks per request | $batch_rps | $batch_cps | $batch_p50 | $batch_p99 | $batch_non2xx | $batch_errors |"
echo "| Kafka \`ProducerPerformance\`, $value_size-byte records, \`--throughput -1\` | - | $perf_rps ($perf_mbs MB/s) | $perf_p50 | $perf_p99 | - | - |"
echo "| Kafka \`ProducerPerformance\`, $value_size-byte records, \`--throughput $batch_cps\` | - | $paced_rps ($paced_mbs MB/s) | $paced_p50 | $paced_p99 | - | - |"
