#!/usr/bin/env bash
# Prints the runtime classpath (jar count, MB) an application gets from each Rekey module.
# Usage: scripts/footprint.sh [module...]   (default: sdk-ontap sdk-acr sdk-azure-storage)
# Builds in the reactor (nothing is installed into ~/.m2) and lists each module's runtime
# dependencies as a dependent sees them: optional ones left out, exclusions applied, plus the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
[ $# -eq 0 ] && modules=(sdk-ontap sdk-acr sdk-azure-storage)
./mvnw -q -B package dependency:list -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -Denforcer.skip=true -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true \
  -DoutputFile=target/runtime-dependencies.txt -pl "$(IFS=,; echo "${modules[*]}")" -am >/dev/null
for m in "${modules[@]}"; do
  jars=$( (grep -v '(optional)' "$m/target/runtime-dependencies.txt" | grep -o '/[^ :]*\.jar'
           ls "$m"/target/"$m"-*.jar | grep -v -e sources -e javadoc -e tests) | grep '\.jar$')
  count=$(echo "$jars" | wc -l)
  bytes=$(echo "$jars" | xargs du -cb | tail -1 | cut -f1)
  printf '%s: %d jars, %.2f MB\n' "$m" "$count" "$(echo "$bytes / 1000000" | bc -l)"
done
