#!/usr/bin/env bash
# Measures how responsive the timeline stays on a large case: makes a case of N events (default 1,000,000,
# kept in a cache folder for the next run), opens the workbench on it under Xvfb with the pulse log on
# (-Dsealtrail.pulselog=true), and lets the screenshot tour run a scripted burst of zooming and panning
# (ZoomRun). Prints the logged medians and maxima: FX pulse intervals, canvas draw times (wall and CPU),
# and the background index calls (lanes and sessions "load", per-lane "ticks").
#
# Usage: scripts/timeline-pulses.sh [EVENTS] [CACHE_DIR]     (default: 1000000 /tmp/sealtrail-pulses)
# Needs: what scripts/screenshots.sh needs. Wall times depend on what else the machine is doing.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-1000000}"
CACHE="$(realpath -m "${2:-/tmp/sealtrail-pulses}")"
JAR=app/target/sealtrail-app.jar
# the screenshot tour is a tool (docs/decisions/0017-tools-apart.md): the workbench finds it in this jar
TOOLS=tools/target/sealtrail-tools.jar
if [[ ! -f $JAR || ! -f $TOOLS || -n $(find app/src/main tools/src/main -newer "$JAR" -print -quit) ]]; then
  echo "Building (mvn package -DskipTests)..."
  mvn -q -B -o package -DskipTests || mvn -q -B package -DskipTests
fi
J=(java -Xmx1g -jar "$JAR")
BUNDLE="$CACHE/b$EVENTS.zip"
CASE="$CACHE/case$EVENTS"
mkdir -p "$CACHE"
[[ -f $BUNDLE ]] || "${J[@]}" gen --events "$EVENTS" --seed 7 --out "$BUNDLE"
[[ -d $CASE ]] || "${J[@]}" import "$BUNDLE" --case "$CASE" --trust "$BUNDLE.vkey"

SHOTS="$(mktemp -d -t sealtrail-pulses.XXXXXX)"
trap 'rm -rf "$SHOTS"' EXIT
SEALTRAIL_HOME="$SHOTS/home" timeout 600 xvfb-run -a -s "-screen 0 1440x900x24" \
  java -Xmx1g -Dsealtrail.pulselog=true -Dsealtrail.screenshot.dir="$SHOTS" -Dprism.order=sw \
       -cp "$JAR:app/target/lib/*:$TOOLS" io.sealtrail.app.ui.WorkbenchLauncher \
       --case "$CASE" --trust-session "$BUNDLE.vkey" 2>&1 | grep -E "timeline (load|zoom run)" || {
  echo "no pulse log was written" >&2
  exit 1
}
