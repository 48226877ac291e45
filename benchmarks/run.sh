#!/usr/bin/env bash
# Runs every benchmark side by side and prints the results table; writes benchmarks/results/latest.md.
#   benchmarks/run.sh                 everything (about 21 minutes on 2 cores)
#   benchmarks/run.sh lead jmh        only some parts: lead ingest jmh startup
#   SKIP_BUILD=1 benchmarks/run.sh    reuse the last build
#   benchmarks/run.sh pool [FILE...]  the startup figures pooled over the runs kept in
#                                     benchmarks/results/startup-runs (or the files given)
# Installs wrk from Debian's packages when absent (needs root, as on the build machine).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CP="$ROOT/benchmarks/target/classes:$ROOT/benchmarks/target/lib/*"
JAVA=${JAVA:-java}
RUNS=benchmarks/results/startup-runs

if [ "${1:-}" = "pool" ]; then
  shift
  if [ ! -d benchmarks/target/classes ]; then
    ./mvnw -B -q -Pbench package -pl benchmarks -am -DskipTests
  fi
  exec "$JAVA" -cp "$CP" dev.switchboard.benchmarks.startup.StartupPool "$@"
fi

# Each startup part's pairs are kept under the run's time and commit, for `run.sh pool`.
STAMP=$(date -u '+%Y-%m-%d-%H%M')
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- . ':(exclude)benchmarks/results' 2>/dev/null || COMMIT="$COMMIT-dirty"
PARTS=("$@")
[ ${#PARTS[@]} -eq 0 ] && PARTS=(lead ingest jmh startup)
RAW=benchmarks/results/raw

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
  echo "date:      $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "nproc:     $(nproc)"
  echo "memory:    $(free -g | awk '/^Mem:/ {print $2 " GB total, " $7 " GB available"}')"
  echo "java:      $($JAVA -version 2>&1 | head -n 2 | tr '\n' ' ')"
  echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at start"
  echo "parts:     ${PARTS[*]}"
} > "$RAW/machine.txt"

FAILED=()
run_part() {
  local name=$1 file=$2; shift 2
  echo "== $name"
  rm -f "$RAW/$file.tsv" # a failed part leaves no stale figures behind
  if ! "$JAVA" -Dbench.results="$RAW" -cp "$CP" "$@"; then
    FAILED+=("$name")
  fi
}

wants lead && run_part lead 1-lead -Xmx512m dev.switchboard.benchmarks.lead.LeadSubmissionBench
wants ingest && run_part ingest 2-ingest -Xmx256m dev.switchboard.benchmarks.ingest.IngestBench
wants jmh && run_part jmh 3-jmh -Xmx512m dev.switchboard.benchmarks.jmh.JmhBench
if wants startup && run_part startup 4-startup -Xmx256m dev.switchboard.benchmarks.startup.StartupBench \
  && [ -f "$RAW/4-startup.tsv" ]; then
  mkdir -p "$RUNS" && cp "$RAW/4-startup.tsv" "$RUNS/$STAMP-$COMMIT.tsv"
fi

echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at end" >> "$RAW/machine.txt"
"$JAVA" -Dbench.results="$RAW" -cp "$CP" dev.switchboard.benchmarks.Report benchmarks/results/latest.md
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "FAILED parts: ${FAILED[*]}" >&2
  exit 1
fi
