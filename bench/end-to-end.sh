#!/usr/bin/env bash
# Benchmark of all of ZMart as bin/zmart-demo runs it (own platform on free ports, every service from its jar):
# time to ready and resident memory, then point-of-sale commit -> coupon email delay at a steady receipt rate.
# Usage: bench/end-to-end.sh [--rate 100] [--seconds 60] [--crossing-every 10]
# Prints a Markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B install -DskipTests
classpath_file=demo/target/benchmark-classpath.txt
./mvnw -q -B -pl demo dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file"
exec java -Xmx1g -cp "demo/target/test-classes:demo/target/classes:$(cat "$classpath_file")" \
  com.zmart.demo.bench.EndToEndBenchmark "$@"
