#!/usr/bin/env bash
# Prints the runtime classpath (jar count, MB) an application gets from each Rekey module.
# Usage: scripts/footprint.sh [module...]   (default: sdk-ontap sdk-acr)
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("${@:-sdk-ontap}")
[ $# -eq 0 ] && modules=(sdk-ontap sdk-acr)
./mvnw -q -B install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl "$(IFS=,; echo "${modules[*]}")" -am >/dev/null
for m in "${modules[@]}"; do
  out=$(mktemp)
  # What an application that depends on the module gets: its runtime dependencies minus the ones it
  # marks optional (compile-time only, e.g. Immutables' annotations), plus the module's own jar.
  ./mvnw -q -B -pl "$m" dependency:list -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true \
    -DoutputFile="$out" >/dev/null
  jars=$( (grep -v '(optional)' "$out" | grep -o '/[^ :]*\.jar'; ls "$m"/target/"$m"-*.jar | grep -v -e sources -e javadoc -e tests) | grep '\.jar$')
  count=$(echo "$jars" | wc -l)
  bytes=$(echo "$jars" | xargs du -cb | tail -1 | cut -f1)
  printf '%s: %d jars, %.2f MB\n' "$m" "$count" "$(echo "$bytes / 1000000" | bc -l)"
  rm -f "$out"
done
