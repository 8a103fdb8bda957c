#!/usr/bin/env bash
# Runs every benchmark and prints one table (also written to benchmarks/target/bench-table.md).
#   benchmarks/run.sh                full mode: the published numbers (~1 hour on 2 cores; quiet machine)
#   benchmarks/run.sh --quick        smoke mode: 1 fork, short iterations, 3 cold-start rounds (~6 min)
#   benchmarks/run.sh --cold         only cold starts (15 rounds) + class counts + classpath sizes (~4 min)
#   benchmarks/run.sh --cold --quick the same with 3 rounds (smoke)
# Same as: ./mvnw -Pbench -pl benchmarks -am verify -DskipTests [-Dbench.quick=true] [-Dbench.cold=true]
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
cold=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --cold) cold=true ;;
    *) echo "usage: benchmarks/run.sh [--quick] [--cold]" >&2; exit 2 ;;
  esac
done
./mvnw -q -B -Pbench -pl benchmarks -am verify -DskipTests -Dmaven.javadoc.skip=true \
  -Dbench.quick="$quick" -Dbench.cold="$cold"
