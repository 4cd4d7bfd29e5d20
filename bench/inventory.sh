#!/usr/bin/env bash
# Benchmark of the inventory service: Avro sale lines on zmart.sales -> the service (PostgreSQL: dedup key, atomic
# decrement, transactional outbox) -> outbox relay -> zmart.reorders, with a supplier answering each reorder with a
# restock. Sale lines per second and the sale-record-to-reorder-request delay per target rate.
# Usage: bench/inventory.sh [--warmup-seconds 5] [--step-seconds 30] [--max-p99-ms 1000] [--stores 10]
#                           [--products 200] [--concurrency 1] [--no-levels] [--backlog N] [rate ...]
#                           (sale lines/s; default 250 500 1000 2000 4000; --backlog N instead measures the rate of
#                           applying N lines already on the topic, beside Kafka's ConsumerPerformance)
# Prints a Markdown table for docs/performance.md. Starts (and stops) its own platform (Kafka, registry, PostgreSQL)
# on free ports. The modules it depends on (schemas, local-platform) come from the local Maven repository: install
# them first if they changed (./mvnw -pl schemas,local-platform -am install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -pl inventory-service test-compile
classpath_file=inventory-service/target/benchmark-classpath.txt
./mvnw -q -B -pl inventory-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file"

# A plain JVM rather than exec:java: the benchmark does not share Maven's JVM and heap, and System.exit ends it.
exec java -Xmx2g -cp "inventory-service/target/test-classes:inventory-service/target/classes:$(cat "$classpath_file")" \
  com.zmart.inventory.bench.InventoryBenchmark "$@"
