#!/usr/bin/env bash
# Screenshots of the workbench's main views for docs/screenshots/, made on a machine without a screen:
# builds the app if needed, generates the demo bundles into a temp folder, starts the workbench under a
# virtual X server (Xvfb) on both demo bundles with the demo key trusted for this session only, and lets
# the app snapshot its own scenes once verification has finished (-Dsealtrail.screenshot.dir), then quit;
# then the same on the demo's case, for the Search and Timeline views.
# Snapshots of the scene are exact and need no window manager; `import -window root` would not be.
#
# Usage: scripts/screenshots.sh [OUT_DIR]      (default: docs/screenshots)
# Needs: Java 17, Maven, xvfb-run (apt-get install -y --no-install-recommends xvfb libgtk-3-0)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(realpath -m "${1:-docs/screenshots}")"

JAR=app/target/sealtrail-app.jar
# the screenshot tour is a tool (docs/decisions/0017-tools-apart.md): the workbench finds it in this jar
TOOLS=tools/target/sealtrail-tools.jar
if [[ ! -f $JAR || ! -f $TOOLS || -n $(find app/src/main tools/src/main -newer "$JAR" -print -quit) ]]; then
  echo "Building (mvn install -DskipTests)..."
  mvn -q -B -o install -DskipTests || mvn -q -B install -DskipTests
fi
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install -y --no-install-recommends xvfb libgtk-3-0" >&2; exit 2; }

WORK="$(mktemp -d -t sealtrail-shots.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
echo "Generating the demo bundles in $WORK/demo..."
java -jar "$JAR" demo --no-gui --dir "$WORK/demo" >/dev/null

mkdir -p "$OUT"
rm -f "$OUT"/*.png
# SEALTRAIL_HOME: an empty config folder, so the user's own trust store does not change the pictures.
echo "Starting the workbench under Xvfb (1440x900)..."
SEALTRAIL_HOME="$WORK/home" timeout 300 xvfb-run -a -s "-screen 0 1440x900x24" \
  java -Dsealtrail.screenshot.dir="$OUT" -Dprism.order=sw \
       -cp "$JAR:app/target/lib/*:$TOOLS" io.sealtrail.app.ui.WorkbenchLauncher \
       --demo --trust-session "$WORK/demo/demo-log.vkey" "$WORK/demo/export-1.zip" "$WORK/demo/export-2.zip"

# The demo also made a case of both exports: its Search and Timeline views (03-search, 04-timeline, 05-…).
echo "Starting the workbench on the demo case..."
SEALTRAIL_HOME="$WORK/home" timeout 300 xvfb-run -a -s "-screen 0 1440x900x24" \
  java -Dsealtrail.screenshot.dir="$OUT" -Dprism.order=sw \
       -cp "$JAR:app/target/lib/*:$TOOLS" io.sealtrail.app.ui.WorkbenchLauncher \
       --demo --trust-session "$WORK/demo/demo-log.vkey" --case "$WORK/demo/case"

# A forked log (issue 11): two exports that agree up to leaf 800 and differ after it. The first is verified with
# the log's key trusted (and so remembered), then the workbench opens the second: the fork banner, and the
# trust dialog's second tab with both histories (06-fork-findings, trust-seen; the demo remembers nothing).
echo "Starting the workbench on a forked export..."
FORK="$WORK/fork"
mkdir -p "$FORK/home" "$FORK/shots"
run() { SEALTRAIL_HOME="$FORK/home" java -jar "$JAR" "$@" >/dev/null; }
run gen --events 800 --seed 21 --checkpoint-every 200 --out "$FORK/base.zip"
run gen --events 200 --seed 31 --checkpoint-every 200 --previous "$FORK/base.zip" --out "$FORK/a.zip"
run gen --events 700 --seed 32 --checkpoint-every 200 --previous "$FORK/base.zip" --out "$FORK/b.zip"
run trust add "$FORK/base.zip.vkey"
run verify "$FORK/a.zip"
SEALTRAIL_HOME="$FORK/home" timeout 300 xvfb-run -a -s "-screen 0 1440x900x24" \
  java -Dsealtrail.screenshot.dir="$FORK/shots" -Dprism.order=sw \
       -cp "$JAR:app/target/lib/*:$TOOLS" io.sealtrail.app.ui.WorkbenchLauncher "$FORK/b.zip"
cp "$FORK/shots/01-b-findings.png" "$OUT/06-fork-findings.png"
cp "$FORK/shots/trust-seen.png" "$OUT/trust-seen.png"

# Sources other than bundles (issue 13): one case holding a bundle, the signed CloudTrail tree of the tests, a
# Kubernetes audit log and Teleport events (07-sources: one table, each event with its integrity).
echo "Starting the workbench on a case of several sources..."
MIX="$WORK/mix"
mkdir -p "$MIX/home" "$MIX/shots"
mix() { SEALTRAIL_HOME="$MIX/home" java -jar "$JAR" "$@" >/dev/null || { local rc=$?; [[ $rc == 3 || $rc == 4 ]]; }; }
mix gen --events 2000 --seed 7 --out "$MIX/b.zip"
mix import "$MIX/b.zip" index/src/test/resources/cloudtrail-golden/bucket \
  sources/src/test/resources/kubernetes-audit/k8s-audit-pod-exec-file.log \
  sources/src/test/resources/teleport/generated-events.jsonl --case "$MIX/case" --trust "$MIX/b.zip.vkey" \
  --cloudtrail-keys index/src/test/resources/cloudtrail-golden/cloudtrail-keys.json
SEALTRAIL_HOME="$MIX/home" timeout 300 xvfb-run -a -s "-screen 0 1440x900x24" \
  java -Dsealtrail.screenshot.dir="$MIX/shots" -Dprism.order=sw \
       -cp "$JAR:app/target/lib/*:$TOOLS" io.sealtrail.app.ui.WorkbenchLauncher --case "$MIX/case"
cp "$MIX/shots/03-search.png" "$OUT/07-sources.png"

shopt -s nullglob
shots=("$OUT"/*.png)
if (( ${#shots[@]} == 0 )); then
  echo "No screenshots were written to $OUT" >&2
  exit 1
fi
ls -l "${shots[@]}"
