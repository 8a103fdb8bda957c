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
  ./mvnw -q -B -pl "$m" dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$out" >/dev/null
  jars=$( (tr ':' '\n' < "$out"; echo; ls "$m"/target/"$m"-*.jar | grep -v -e sources -e javadoc -e tests) | grep '\.jar$')
  count=$(echo "$jars" | wc -l)
  bytes=$(echo "$jars" | xargs du -cb | tail -1 | cut -f1)
  printf '%s: %d jars, %.1f MB\n' "$m" "$count" "$(echo "$bytes / 1000000" | bc -l)"
  rm -f "$out"
done
