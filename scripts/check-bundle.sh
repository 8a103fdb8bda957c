#!/usr/bin/env bash
# Checks a Central Portal bundle (zip) against Central's rules and Rekey's own: every published
# artifact has its POM, jar, sources and javadoc (pom-only artifacts: the POM), each with a .asc
# signature and .md5/.sha1 checksums; every POM (with what it inherits from a parent in the bundle)
# has name, description, url, licenses, developers and scm, and the url/scm of every module are the
# repository's own; sdk-bom is in, examples/benchmarks/reliability/consumers are not.
# Usage: scripts/check-bundle.sh path/to/central-bundle.zip
set -euo pipefail
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: $0 central-bundle.zip" >&2; exit 2; }
exec python3 - "$1" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
z = zipfile.ZipFile(sys.argv[1]); names = set(z.namelist()); errors = []
poms = {n: ET.fromstring(z.read(n)) for n in names if n.endswith(".pom")}
def text(root, path):
    e = root.find(path, NS)
    return e.text.strip() if e is not None and e.text else None
def coords(root):
    g = text(root, "m:groupId") or text(root, "m:parent/m:groupId")
    return g, text(root, "m:artifactId")
by_ga = {coords(r): r for r in poms.values()}
def effective(root, path):
    while root is not None:
        v = text(root, path)
        if v: return v
        p = root.find("m:parent", NS)
        root = by_ga.get((text(p, "m:groupId"), text(p, "m:artifactId"))) if p is not None else None
    return None
def has(root, path):
    while root is not None:
        if root.find(path, NS) is not None: return True
        p = root.find("m:parent", NS)
        root = by_ga.get((text(p, "m:groupId"), text(p, "m:artifactId"))) if p is not None else None
    return False
repo_url = None
for name, root in sorted(poms.items()):
    g, a = coords(root)
    base = name[:-len(".pom")]
    packaging = text(root, "m:packaging") or "jar"
    files = [name] + ([base + ".jar", base + "-sources.jar", base + "-javadoc.jar"] if packaging == "jar" else [])
    for f in files:
        for suffix in ("", ".asc", ".md5", ".sha1"):
            if f + suffix not in names:
                errors.append(f"{a}: missing {f + suffix}")
    for field in ("m:name", "m:description", "m:url", "m:scm/m:url", "m:scm/m:connection"):
        if not effective(root, field):
            errors.append(f"{a}: POM has no {field.replace('m:', '')}")
    for field in ("m:licenses/m:license", "m:developers/m:developer"):
        if not has(root, field):
            errors.append(f"{a}: POM has no {field.replace('m:', '')}")
    print(f"{g}:{a} ({packaging}): {len(files)} file(s) + signatures and checksums")
urls = {effective(r, "m:url") for r in poms.values()}
scms = {effective(r, "m:scm/m:url") for r in poms.values()}
# The bundle holds raw POMs: a child's url/scm is checked for "/<artifactId>" by Maven's own rule in
# the build (child.*.inherit.append.path="false" on the parent); here every declared one must agree.
if len(urls) > 1: errors.append(f"POM urls differ: {sorted(u for u in urls if u)}")
if len(scms) > 1: errors.append(f"scm urls differ: {sorted(u for u in scms if u)}")
artifacts = {a for _, a in by_ga}
for must in ("sdk-bom", "sdk-core", "sdk-azure-common", "sdk-acr", "sdk-netapp", "sdk-azure-storage",
             "sdk-ontap", "sdk-testkit", "sdk-testkit-clients", "rekey-parent"):
    if must not in artifacts: errors.append(f"{must} is not in the bundle")
for never in ("examples", "rekey-benchmarks", "rekey-reliability-tests", "rekey-consumers"):
    if never in artifacts: errors.append(f"{never} must never be published, but is in the bundle")
if errors:
    print("\n".join("FAIL " + e for e in errors)); sys.exit(1)
print(f"bundle OK: {len(artifacts)} artifacts")
PY
