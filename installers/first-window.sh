#!/usr/bin/env bash
# Times the installed workbench's first window: from starting bin/Sealtrail to its window drawn (the line
# -Dsealtrail.quitWhenShown logs two pulses after the stage shows), on a virtual screen of its own, as the .deb
# installs it: the image is shown at /opt/sealtrail in a mount namespace of its own, where its class-data-sharing
# archive applies (docs/installers.md). Prints each run and the median.
#   installers/first-window.sh [IMAGE_DIR [RUNS]]      (defaults: installers/target/app-image/Sealtrail, 5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="$(cd "${1:-$here/target/app-image/Sealtrail}" && pwd)"
runs="${2:-5}"
scratch="$(mktemp -d)"
display=150
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1366x768x24 -nolisten tcp > /dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2> /dev/null; rm -rf "$scratch"' EXIT
sleep 1
times=()
for i in $(seq 0 "$runs"); do # run 0 warms the file cache and unpacks JavaFX's natives; it is not counted
  ms="$(unshare --map-root-user --mount -- bash -c '
    mount -t tmpfs tmpfs /opt && mkdir /opt/sealtrail && mount --bind "$1" /opt/sealtrail
    start=$(date +%s%N)
    timeout 60 env -i HOME="$2" PATH=/nonexistent DISPLAY=":$3" \
      JAVA_TOOL_OPTIONS="-Duser.home=$2 -Dsealtrail.quitWhenShown=true" /opt/sealtrail/bin/Sealtrail 2>&1 |
      while IFS= read -r line; do
        case "$line" in *"the window is shown"*) echo $((($(date +%s%N) - start) / 1000000)) ;; esac
      done' bash "$image" "$scratch" "$display")"
  [ -n "$ms" ] || { echo "run $i: the window was not shown" >&2; exit 1; }
  if [ "$i" -gt 0 ]; then
    times+=("$ms")
    echo "run $i: $ms ms"
  fi
done
median="$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")"
echo "median of $runs: $median ms"
