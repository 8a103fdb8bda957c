#!/usr/bin/env bash
# Release dry run: builds everything the `release` profile publishes (jars, sources, javadoc, POMs,
# signatures, checksums) into the Central Portal bundle WITHOUT uploading it, signed with a throwaway
# GPG key made here in a temporary GNUPGHOME, then checks the bundle with scripts/check-bundle.sh.
# It works on a copy of the committed tree (git archive HEAD) with the -SNAPSHOT dropped from the
# version, as a release has it (the Central plugin bundles release versions only).
# Usage: scripts/release-dry-run.sh        (needs gpg; ~5-15 minutes on 2 cores; CI does not run it)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v gpg >/dev/null || { echo "release-dry-run: gpg is not installed (apt-get install gnupg)" >&2; exit 1; }

GNUPGHOME=$(mktemp -d)
export GNUPGHOME
work=$(mktemp -d)
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME" "$work"' EXIT
snapshot=$(sed -n 's|^  <version>\(.*-SNAPSHOT\)</version>|\1|p' pom.xml | head -1)
release=${snapshot%-SNAPSHOT}
git archive HEAD | tar -x -C "$work"
find "$work" -name pom.xml -exec sed -i "s|<version>$snapshot</version>|<version>$release</version>|" {} +
cp -r .mvn "$work"/ 2>/dev/null || true
cd "$work"
echo "== dry run of $release in $work"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
  --quick-gen-key 'Rekey release dry run <dry-run@rekey.invalid>' ed25519 sign 1d
echo "== throwaway signing key: $(gpg --list-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}')"

# The Central plugin (0.9.0) has no "bundle but do not upload" mode (-DskipPublishing skips every
# artifact), so the dry run builds and signs with -Prelease up to verify, then stages what the plugin
# would: each module's POM, jar, sources, javadoc and their .asc, in repository layout, with .md5 and
# .sha1, leaving out modules that set maven.deploy.skip (they are in the plugin's excludeArtifacts).
./mvnw -B -q -Prelease verify -DskipTests -Dinvoker.skip=true

# The POMs as Central sees them (inheritance applied): no module may get "/<module>" appended to
# the repository's url or scm.
./mvnw -B -q -Prelease help:effective-pom -Doutput=target/effective-poms.xml
python3 - target/effective-poms.xml <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(sys.argv[1]).getroot()
projects = root.findall("m:project", ns) or [root]
bad = []
for p in projects:
    a = p.find("m:artifactId", ns).text
    for path in ("m:url", "m:scm/m:url", "m:scm/m:connection", "m:scm/m:developerConnection"):
        e = p.find(path, ns)
        if e is not None and e.text and e.text.rstrip("/").endswith("/" + a):
            bad.append(f"{a}: {path.replace('m:', '')} = {e.text}")
print("\n".join("FAIL " + b for b in bad) or f"url/scm OK in {len(projects)} effective POMs")
sys.exit(1 if bad else 0)
PY
stage="$work/target/central-publishing/bundle"
for dir in . $(sed -n 's|^    <module>\(.*\)</module>|\1|p' pom.xml); do
  pom="$dir/pom.xml"
  grep -q '<maven.deploy.skip>true</maven.deploy.skip>' "$pom" && continue
  artifact=$(sed -n 's|^  <artifactId>\(.*\)</artifactId>|\1|p' "$pom" | head -1)
  dest="$stage/dev/rekey/$artifact/$release"
  mkdir -p "$dest"
  if [ -f "$dir/target/$artifact-$release.pom.asc" ]; then
    cp "$dir/target/$artifact-$release.pom" "$dir/target/$artifact-$release.pom.asc" "$dest"/
  else
    cp "$pom" "$dest/$artifact-$release.pom"
    gpg --batch --quiet --armor --detach-sign -o "$dest/$artifact-$release.pom.asc" "$pom"
  fi
  for jar in "$dir/target/$artifact-$release"*.jar; do
    [ -f "$jar" ] && cp "$jar" "$jar.asc" "$dest"/
  done
done
(cd "$stage" && find . -type f ! -name '*.md5' ! -name '*.sha1' | while read -r f; do
   md5sum "$f" | cut -d' ' -f1 > "$f.md5"; sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"; done
 zip -qr ../central-bundle.zip .)
bundle=$(find . -path '*/target/central-publishing/*.zip' | head -1)
[ -n "$bundle" ] || { echo "release-dry-run: no bundle under */target/central-publishing" >&2; exit 1; }
echo "== bundle: $bundle"
scripts/check-bundle.sh "$bundle"
mkdir -p "$OLDPWD/target" && cp "$bundle" "$OLDPWD/target/central-bundle-dry-run.zip"
echo "== kept as target/central-bundle-dry-run.zip"
