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
if [[ ! -f $JAR || -n $(find app/src/main -newer "$JAR" -print -quit) ]]; then
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
       -cp "$JAR:app/target/lib/*" io.sealtrail.app.ui.WorkbenchLauncher \
       --demo --trust-session "$WORK/demo/demo-log.vkey" "$WORK/demo/export-1.zip" "$WORK/demo/export-2.zip"

# The demo also made a case of both exports: its Search and Timeline views (03-search, 04-timeline, 05-…).
echo "Starting the workbench on the demo case..."
SEALTRAIL_HOME="$WORK/home" timeout 300 xvfb-run -a -s "-screen 0 1440x900x24" \
  java -Dsealtrail.screenshot.dir="$OUT" -Dprism.order=sw \
       -cp "$JAR:app/target/lib/*" io.sealtrail.app.ui.WorkbenchLauncher \
       --demo --trust-session "$WORK/demo/demo-log.vkey" --case "$WORK/demo/case"

shopt -s nullglob
shots=("$OUT"/*.png)
if (( ${#shots[@]} == 0 )); then
  echo "No screenshots were written to $OUT" >&2
  exit 1
fi
ls -l "${shots[@]}"
