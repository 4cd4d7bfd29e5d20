#!/usr/bin/env bash
# Rewards lookups inside the running demo: bin/zmart-demo (all of ZMart with its simulators, the services with the
# demo's JVM options) on a fresh data directory, then wrk on GET /api/rewards/{memberId} with random members that
# have rewards, while the simulators keep ringing up sales.
# Usage: bench/demo-lookups.sh      Environment (defaults): SETTLE=60 WARMUP=30 DURATION=20 THREADS=2 CONNECTIONS=32
# Uses the demo's fixed ports (rewards on 8091): nothing else of ZMart may run on this machine meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

settle=${SETTLE:-60} warmup=${WARMUP:-30} duration=${DURATION:-20} threads=${THREADS:-2} connections=${CONNECTIONS:-32}
key=zmart-local-demo-key
url=http://127.0.0.1:8091

log() { echo "[$(date +%T)] $*" >&2; }
command -v wrk >/dev/null || { echo "bench/demo-lookups.sh needs wrk (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/zmart-demo-lookups.XXXXXX")
demo_pid=''
cleanup() {
  local status=$?
  # SIGTERM, not SIGINT (ignored by a script's background jobs): the demo stops everything it started, in order.
  [ -n "$demo_pid" ] && kill -TERM "$demo_pid" 2>/dev/null && wait "$demo_pid" 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

log "Starting the demo (fresh data directory $work/data)..."
bin/zmart-demo --data-dir "$work/data" >"$work/demo.log" 2>&1 &
demo_pid=$!
until grep -q 'ZMart is running' "$work/demo.log"; do
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.log" >&2; exit 1; }
  sleep 1
done
log "$(grep -o 'ZMart is running.*' "$work/demo.log"); letting the simulators run ${settle} s..."
sleep "$settle"

# The members with rewards so far (a lookup of a member without sales is a 404, not a lookup).
members=()
for n in $(seq 1 385); do
  id=$(printf 'member-%06d' "$n")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" "$url/api/rewards/$id")
  [ "$code" = 200 ] && members+=("\"$id\"")
done
[ ${#members[@]} -gt 0 ] || { echo "No member has rewards after ${settle} s" >&2; exit 1; }
log "${#members[@]} members with rewards"

cat >"$work/lookups.lua" <<EOF
local members = {$(IFS=,; echo "${members[*]}")}
wrk.headers["X-API-Key"] = "$key"
request = function()
  return wrk.format("GET", "/api/rewards/" .. members[math.random(#members)])
end
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
EOF
log "wrk: ${warmup} s warm-up, then ${duration} s, ${threads} threads, ${connections} connections..."
wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$work/lookups.lua" "$url" >/dev/null
out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" -s "$work/lookups.lua" "$url")
echo "$out" >&2
echo "$out" | awk -v members="${#members[@]}" -v d="$duration" -v w="$warmup" '/^RESULT/ {
  for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
  printf "| GET /api/rewards/{memberId} inside the running demo (%d members, %d s after a %d s warm-up) | %.0f req/s | p50 %.1f ms | p99 %.1f ms | non-2xx %d, errors %d |\n",
    members, d, w, r["requests"] / (r["duration_us"] / 1e6), r["p50_us"] / 1000, r["p99_us"] / 1000, r["non2xx"], r["errors"] }'
