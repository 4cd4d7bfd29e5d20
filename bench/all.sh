#!/usr/bin/env bash
# The benchmark suite, one command: builds once, runs every benchmark of bench/ one after another on an otherwise idle
# machine, and appends their tables to docs/performance.md under a heading with the date, the machine and this
# command. Each benchmark starts and stops its own platform on free ports.
# Usage: bench/all.sh [--quick] [--scale]
#   --quick  smaller runs (minutes instead of an hour): for checking the scripts, not for publishing
#   --scale  also rewards at 10k, 100k and 1M sales, sales-trends and inventory at 10k and 100k lines (how the
#            processing rates change with volume; trends or inventory at 1M would take about half an hour more each)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0 scale=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --scale) scale=1 ;;
    *) echo "Unknown option $arg" >&2; exit 2 ;;
  esac
done

./mvnw -q -B install -DskipTests
export SKIP_UPSTREAM=1 SKIP_BUILD=1 MAVEN_ARGS="${MAVEN_ARGS:-} -o"
out=$(mktemp -d)
report=$out/report.md
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(java -version 2>&1 | head -1)"
{
  echo
  echo "## Benchmark suite run of $(date -u +%Y-%m-%d) — \`bench/all.sh $*\`"
  echo
  echo "Machine: $machine. Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
} >>"$report"

# run NAME COMMAND...: runs one benchmark, keeps the Markdown tables it prints, notes how long it took.
run() {
  local name=$1
  shift
  echo ">>> $name: $*" >&2
  local started=$SECONDS log=$out/$name.log
  if "$@" >"$log" 2>&1; then
    { echo; echo "### $name"; echo; echo "Command: \`$*\` ($((SECONDS - started)) s)."; echo
      grep -E '^\|' "$log" || echo "(no table printed; see the log)"; } >>"$report"
  else
    { echo; echo "### $name"; echo; echo "Command: \`$*\` FAILED after $((SECONDS - started)) s; last lines:"; echo
      echo '```'; tail -20 "$log"; echo '```'; } >>"$report"
  fi
}

if [ "$quick" = 1 ]; then
  run "Platform start and stop" bench/platform-startup.sh 1
  run "Sales connector" bench/sales-connector.sh --step-seconds 10 100 400
  run "Clickstream" env DURATION=10 PERF_RECORDS=500000 bench/clickstream.sh
  run "Rewards" bench/rewards.sh --sales 20000 --members 1000 --email-rate 20 --email-seconds 10 --wrk-seconds 10
  run "Inventory" bench/inventory.sh --warmup-seconds 3 --step-seconds 10 100 400
  run "Inventory backlog" bench/inventory.sh --backlog 10000
  run "Sales trends" bench/sales-trends.sh 20000
  run "End to end" bench/end-to-end.sh --rate 100 --seconds 20
else
  run "Platform start and stop" bench/platform-startup.sh 3
  run "Sales connector" bench/sales-connector.sh
  run "Clickstream" bench/clickstream.sh
  run "Rewards" bench/rewards.sh
  run "Inventory" bench/inventory.sh
  run "Inventory backlog" bench/inventory.sh --backlog 100000
  run "Sales trends" bench/sales-trends.sh
  run "End to end" bench/end-to-end.sh --rate 100 --seconds 60
fi
if [ "$scale" = 1 ]; then
  for sales in 10000 100000 1000000; do
    run "Rewards at $sales sales" bench/rewards.sh --sales "$sales" --members 5000 --email-rate 20 --email-seconds 10 --wrk-seconds 10
  done
  for lines in 10000 100000; do
    run "Sales trends at $lines lines" bench/sales-trends.sh "$lines"
  done
  run "Inventory backlog of 10000 lines" bench/inventory.sh --backlog 10000   # 100000: the default run above
fi

cat "$report" >>docs/performance.md
echo "Appended to docs/performance.md; logs in $out" >&2
