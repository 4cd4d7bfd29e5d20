#!/usr/bin/env bash
# Runs a main class of one of the suite's modules from its runtime classpath, building the module first when it is
# missing or its sources changed. Usage: bin/lib/run-main.sh MODULE MAIN_CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
module=$1 main=$2
shift 2

classpath_file=$module/target/runtime-classpath.txt
stale() {
  [ ! -f "$classpath_file" ] && return 0
  [ -n "$(find schemas card-masking-smt connect-plugins local-platform "$module" pom.xml -newer "$classpath_file" \
      \( -name '*.java' -o -name '*.avsc' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.sql' -o -name '*.json' \) \
      -not -path '*/target/*' -print -quit)" ]
}
if stale; then
  echo "Building $module (first run, or sources changed)..." >&2
  ./mvnw -q -B -pl "$module" -am install -DskipTests
  touch "$classpath_file"
fi

# ZMART_LOGBACK: a main class with a logging configuration of its own (the demo's) names it.
exec java ${ZMART_JAVA_OPTS:-} -Dlogback.configurationFile="${ZMART_LOGBACK:-zmart-cli-logback.xml}" \
  -cp "$module/target/classes:$(cat "$classpath_file")" "$main" "$@"
