#!/usr/bin/env bash
# Benchmark of the rewards service on its own local platform (free ports): raw consume rate of zmart.sales with
# Kafka's ConsumerPerformance vs the service's exactly-once processing rate on the same records; sale-to-coupon-email
# delay at a steady rate; lookup throughput and latency with wrk.
# Usage: bench/rewards.sh [--sales 100000] [--members 5000] [--email-rate 100] [--email-seconds 30] [--wrk-seconds 20]
#   [--warm-up-seconds 30] [--warm-up-backlogs 2]
# Prints a Markdown table for docs/performance.md. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -pl rewards-service -am install -DskipTests
classpath_file=rewards-service/target/benchmark-classpath.txt
./mvnw -q -B -pl rewards-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file"

exec java -Xmx2g -cp "rewards-service/target/test-classes:rewards-service/target/classes:$(cat "$classpath_file")" \
  com.zmart.rewards.bench.RewardsBenchmark "$@"
