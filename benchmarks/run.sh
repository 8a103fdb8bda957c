#!/usr/bin/env bash
# Runs every benchmark and prints one table (also written to benchmarks/target/bench-table.md).
#   benchmarks/run.sh           full mode: the published numbers (~25 min on 2 cores; quiet machine)
#   benchmarks/run.sh --quick   smoke mode: 1 fork, short iterations (~3 min); figures are not comparable
# Same as: ./mvnw -Pbench -pl benchmarks -am verify -DskipTests [-Dbench.quick=true]
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
[ "${1:-}" = "--quick" ] && quick=true
./mvnw -q -B -Pbench -pl benchmarks -am verify -DskipTests -Dbench.quick="$quick"
