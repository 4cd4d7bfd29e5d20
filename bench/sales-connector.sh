#!/usr/bin/env bash
# Benchmark of the sales connector pipeline: register simulator -> PostgreSQL -> Debezium in the Kafka Connect
# worker -> MaskCreditCard SMT -> Avro on zmart.sales. Throughput and commit-to-consumer delay per target rate.
# Usage: bench/sales-connector.sh [--warmup-seconds 5] [--step-seconds 30] [--writers N|auto] [--max-p99-ms 2000]
#                                 [rate ...]      (receipts/s; default 100 200 400 800 1600)
# Prints a Markdown table for docs/performance.md. Starts (and stops) its own platform on free ports.
set -euo pipefail
cd "$(dirname "$0")/.."

# The module, what it depends on, and the Connect plugin folders the worker loads (Debezium, the masking SMT,
# the Apicurio converter), which sales-connector does not depend on as Maven artifacts.
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -pl sales-connector,connect-plugins/apicurio-registry-converter,connect-plugins/debezium-connector-postgres,connect-plugins/card-masking-smt \
  -am install -DskipTests
classpath_file=sales-connector/target/benchmark-classpath.txt
./mvnw -q -B -pl sales-connector dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file"

# A plain JVM rather than exec:java: the benchmark then does not share Maven's JVM, heap and class loader (Connect
# builds its plugin class loaders on the application class loader), and System.exit ends it deterministically.
exec java -Xmx2g -cp "sales-connector/target/test-classes:sales-connector/target/classes:$(cat "$classpath_file")" \
  com.zmart.sales.bench.SalesPipelineBenchmark "$@"
