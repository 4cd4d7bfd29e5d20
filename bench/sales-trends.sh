#!/usr/bin/env bash
# Benchmark of the sales-trends Streams topology: aggregation throughput (exactly-once, windows tumbling-1m and
# hopping-1h-5m, attribution) against the raw consume rate of the same topic with Kafka's own consumer performance
# tool (org.apache.kafka.tools.ConsumerPerformance), same platform, same records, same run.
# Usage: bench/sales-trends.sh [lines (default 200000)] [stream threads (default 1)]
#        JDK_JAVA_OPTIONS=-Dbench.streams=commit.interval.ms=1000 bench/sales-trends.sh ...   (compare Streams settings)
#        SKIP_UPSTREAM=1 bench/sales-trends.sh ...   (upstream modules already installed in ~/.m2)
# Starts (and stops) its own platform (Kafka, registry; no Connect) on free ports, in a JVM of its own as a service
# meets it in a deployment; prints a Markdown table for docs/performance.md. Everything shares this machine's cores:
# the topology, the broker and the registry. After the two passes of the trends, a baseline topology (the same source
# and repartition, then a count) shows what Kafka Streams itself reaches here;
#        JDK_JAVA_OPTIONS=-Dbench.baseline-first=true bench/sales-trends.sh ...   (the baseline in the fresh JVM too)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_UPSTREAM:-}" = 1 ]; then
  ./mvnw -q -B -o -pl sales-trends-streams test-compile
else
  ./mvnw -q -B -pl sales-trends-streams -am install -DskipTests
  ./mvnw -q -B -pl sales-trends-streams test-compile
fi
classpath_file=sales-trends-streams/target/benchmark-classpath.txt
./mvnw -q -B -o -pl sales-trends-streams dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$classpath_file"

# A plain JVM rather than exec:java: the benchmark does not share Maven's JVM and heap, and ConsumerPerformance runs
# in a JVM of its own with the same classpath.
exec java -Xmx1g -cp "sales-trends-streams/target/test-classes:sales-trends-streams/target/classes:$(cat "$classpath_file")" \
  com.zmart.trends.bench.SalesTrendsBenchmark "$@"
