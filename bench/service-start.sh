#!/usr/bin/env bash
# Measures what a start of the rewards service costs, from its fat jar and from Spring Boot's extracted layout (the
# layout bin/zmart-demo and the container images run): wall time until Spring reports the application started, and
# the CPU time the JVM has used by then (what a start takes from the other services when cores are scarce).
# Usage: bench/service-start.sh [runs]   (default 3; on an idle machine). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=rewards-service/target/rewards-service-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || ./mvnw -q -B -pl rewards-service -am install -DskipTests
bin/zmart-platform --help >/dev/null   # builds the platform first, so the build is not measured

work=$(mktemp -d)
platform_pid=""
cleanup() {
  [ -n "$platform_pid" ] && kill -TERM "$platform_pid" 2>/dev/null && wait "$platform_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

bin/zmart-platform --data-dir "$work/platform" --kafka-port 0 --registry-port 0 --postgres-port 0 --connect-port 0 \
  --smtp-port 0 >"$work/platform.log" 2>&1 &
platform_pid=$!
until grep -q 'Press Ctrl-C' "$work/platform.log"; do
  kill -0 "$platform_pid" 2>/dev/null || { cat "$work/platform.log" >&2; exit 1; }
  sleep 0.2
done
endpoint() { grep -m1 "^  $1  " "$work/platform.log" | awk '{print $NF}'; }   # the endpoints the platform prints
bootstrap=$(endpoint 'Kafka bootstrap servers')
registry=$(endpoint 'Schema Registry (Apicurio API)')
smtp_port=$(endpoint 'SMTP' | cut -d: -f2)

java -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" >/dev/null
extracted="$work/extracted/$(basename "$jar")"

start() { # $1 label, $2 jar to run; prints "started_ms cpu_ms"
  local log="$work/$1.log" begin pid ticks
  rm -rf "$work/state"
  begin=$(date +%s%N)
  env PORT=0 KAFKA_BOOTSTRAP_SERVERS="$bootstrap" REGISTRY_URL="$registry" ZMART_API_KEYS=bench-key \
    STREAMS_STATE_DIR="$work/state" SMTP_HOST=127.0.0.1 SMTP_PORT="$smtp_port" \
    java -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$2" >"$log" 2>&1 &
  pid=$!
  until grep -q 'Started RewardsApplication' "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")   # utime + stime, in clock ticks
  echo "$(( ($(date +%s%N) - begin) / 1000000 )) $(( ticks * 1000 / $(getconf CLK_TCK) ))"
  kill -TERM "$pid"; wait "$pid" || true
}

echo "| run | layout | started (ms) | CPU until started (ms) |"
echo "| --- | --- | --- | --- |"
for i in $(seq 1 "$runs"); do
  read -r started cpu < <(start "fat-$i" "$jar")
  echo "| $i | fat jar | $started | $cpu |"
  read -r started cpu < <(start "extracted-$i" "$extracted")
  echo "| $i | extracted | $started | $cpu |"
done
