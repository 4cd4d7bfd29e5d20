#!/usr/bin/env bash
# Measures how long the local platform takes to become ready (fresh and reused data directory) and to stop.
# Usage: bench/platform-startup.sh [runs]   Prints a Markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
bin/zmart-platform --help >/dev/null   # builds first, so the build is not measured

measure() { # $1 data dir; prints "ready_ms stop_ms"
  local log start ready stop pid
  log=$(mktemp)
  start=$(date +%s%N)
  bin/zmart-platform --data-dir "$1" --kafka-port 0 --registry-port 0 --postgres-port 0 --connect-port 0 --smtp-port 0 \
    >"$log" 2>&1 &
  pid=$!
  until grep -q 'Press Ctrl-C' "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  start=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true   # SIGINT is ignored by background jobs of a script
  stop=$(( ($(date +%s%N) - start) / 1000000 ))
  rm -f "$log"
  echo "$ready $stop"
}

echo "| run | data directory | ready (ms) | stop (ms) |"
echo "| --- | --- | --- | --- |"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  read -r ready stop < <(measure "$dir")
  echo "| $i | fresh | $ready | $stop |"
  read -r ready stop < <(measure "$dir")
  echo "| $i | reused | $ready | $stop |"
  rm -rf "$dir"
done
