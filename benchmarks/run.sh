#!/usr/bin/env bash
# Runs the benchmarks, prints the results table and writes benchmarks/results/latest.md.
#   benchmarks/run.sh                  every part (about 12 minutes on 2 cores)
#   benchmarks/run.sh lead jmh         only some parts: lead ingest jmh startup
#   SMOKE=1 benchmarks/run.sh          every part with very short runs, to check that it works
#                                      (its figures mean nothing; written to results/smoke.md)
#   SKIP_BUILD=1 benchmarks/run.sh     reuse the last build
# Installs wrk from Debian's packages when absent (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
CP="benchmarks/target/classes:benchmarks/target/lib/*"
JAVA=${JAVA:-java}
RAW=benchmarks/results/raw
OUT=benchmarks/results/latest.md
PARTS=("$@")
[ ${#PARTS[@]} -eq 0 ] && PARTS=(lead ingest jmh startup)
SIZES=()
if [ -n "${SMOKE:-}" ]; then
  RAW=benchmarks/results/smoke
  OUT=benchmarks/results/smoke.md
  SIZES=(-Dbench.lead.rounds=1 -Dbench.lead.sequential=50 -Dbench.lead.concurrent=200
    -Dbench.lead.bulk=500 -Dbench.ingest.rounds=1 -Dbench.ingest.seconds=1
    -Dbench.jmh.warmups=1 -Dbench.jmh.iterations=1 -Dbench.jmh.millis=100
    -Dbench.startup.pairs=1)
fi

wants() { local p; for p in "${PARTS[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

if wants ingest && ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building (./mvnw -Pbench package -pl benchmarks -am -DskipTests)"
  rm -rf benchmarks/target/lib # the copied class path must hold one Boot line only
  ./mvnw -B -q -Pbench package -pl benchmarks -am -DskipTests
fi

mkdir -p "$RAW"
# A full run starts from a clean slate; a partial run keeps the other parts' last figures.
[ $# -eq 0 ] && rm -f "$RAW"/*.tsv
{
  echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine:  $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "java:     $($JAVA -version 2>&1 | head -n 1)"
  echo "load avg: $(cut -d' ' -f1-3 /proc/loadavg) at start"
  echo "parts:    ${PARTS[*]}"
} > "$RAW/machine.txt"

FAILED=()
run_part() {
  local name=$1 file=$2 main=$3
  echo "== $name"
  rm -f "$RAW/$file.tsv" # a failed part leaves no stale figures behind
  "$JAVA" -Xmx512m -Dbench.results="$RAW" "${SIZES[@]}" -cp "$CP" "$main" || FAILED+=("$name")
}
wants lead && run_part lead 1-lead dev.switchboard.benchmarks.lead.LeadBench
wants ingest && run_part ingest 2-ingest dev.switchboard.benchmarks.ingest.IngestBench
wants jmh && run_part jmh 3-jmh dev.switchboard.benchmarks.jmh.JmhBench
wants startup && run_part startup 4-startup dev.switchboard.benchmarks.startup.StartupBench

echo "load avg: $(cut -d' ' -f1-3 /proc/loadavg) at end" >> "$RAW/machine.txt"
"$JAVA" -Dbench.results="$RAW" -cp "$CP" dev.switchboard.benchmarks.Report "$OUT"
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "FAILED parts: ${FAILED[*]}" >&2
  exit 1
fi
