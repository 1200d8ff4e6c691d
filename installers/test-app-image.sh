#!/usr/bin/env bash
# Tests the packaged Sealtrail from what an installer ships alone: the Linux app-image, the .deb (and the .rpm) that
# `mvn -B -Pinstallers -pl installers -am package` made. No JDK, no Maven and no clone are reachable by the app: it
# runs with an empty environment (PATH=/nonexistent), a scratch HOME and a scratch working directory.
#   installers/test-app-image.sh [IMAGE_DIR [DEB]]
# (defaults: installers/target/app-image/Sealtrail and the .deb in installers/target/installer). Needs Xvfb and
# dpkg-deb (dpkg -x). Prints one line per check and the time it took; exit 0 when every check passed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="$(cd "${1:-$here/target/app-image/Sealtrail}" && pwd)"
deb="${2:-$(ls "$here"/target/installer/sealtrail_*.deb 2> /dev/null | head -n 1)}"
[ -x "$image/bin/sealtrail" ] && [ -x "$image/bin/Sealtrail" ] || { echo "FAIL no launchers in $image/bin" >&2; exit 2; }
[ -f "$deb" ] || { echo "FAIL no .deb (${deb:-none}); build it with -Pinstallers" >&2; exit 2; }
version="$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$image/lib/app/sealtrail.cfg")"

scratch="$(mktemp -d)"
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$scratch/home" "$scratch/work"
failures=0
# A virtual screen of our own for the workbench, on the first free display from :140.
display=140
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1366x768x24 -nolisten tcp > "$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!

# app COMMAND...: runs a launcher the way a person's desktop would, with nothing of this build's environment, for
# two minutes at most
app() {
  # shellcheck disable=SC2086 # APP_ENV is words on purpose
  # Java takes user.home from the password database, not from HOME: the option makes the scratch HOME the app's
  (cd "$scratch/work" && timeout 120 env -i HOME="$scratch/home" PATH=/nonexistent LANG=C.UTF-8 DISPLAY=":$display" \
    JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home ${JAVA_EXTRA:-}" "$@")
}
# check NAME EXPECTED_STATUS COMMAND...: runs the command, its output in $scratch/NAME.out
check() {
  local name="$1" want="$2" start status=0
  shift 2
  start="$(date +%s%N)"
  "$@" > "$scratch/$name.out" 2>&1 || status=$?
  local ms=$((($(date +%s%N) - start) / 1000000))
  if [ "$status" = "$want" ]; then
    printf 'ok   %-34s %6d ms\n' "$name" "$ms"
  else
    printf 'FAIL %-34s %6d ms: exit %s, wanted %s\n' "$name" "$ms" "$status" "$want"
    sed 's/^/     | /' "$scratch/$name.out" | tail -n 20
    failures=$((failures + 1))
  fi
}
contains() { # contains NAME TEXT: the output of check NAME has TEXT
  if grep -qF -- "$2" "$scratch/$1.out"; then
    printf 'ok   %-34s\n' "$1 says '$2'"
  else
    printf 'FAIL %-34s\n' "$1 does not say '$2'"
    sed 's/^/     | /' "$scratch/$1.out" | tail -n 10
    failures=$((failures + 1))
  fi
}

cli="$image/bin/sealtrail"
check version 0 app "$cli" --version
contains version "Sealtrail $version"
# gen + verify: signatures (Ed25519, a JCA service jdeps cannot see), hashing and the zip bundle named .sealtrail
check gen 0 app "$cli" gen --events 2000 --seed 7 --out export.sealtrail
check verify 0 app "$cli" verify --trust export.sealtrail.vkey export.sealtrail
contains verify "VERIFIED"
check verify-untrusted 3 app "$cli" verify --no-trust-store export.sealtrail
# import + search: Lucene in the trimmed runtime
# the import runs in a JVM of its own with the import's collector (ImportJvm); -Xlog:gc names each JVM's collector
JAVA_EXTRA=-Xlog:gc check import 0 app "$cli" import --case case --trust export.sealtrail.vkey export.sealtrail
contains import "Using Parallel"
check search-count 0 app "$cli" search --case case --count
contains search-count "2000"
check report 0 app "$cli" report --case case --trust export.sealtrail.vkey --out report.pdf
# The workbench on that case: it reaches its window and quits once the window is drawn
# (-Dsealtrail.quitWhenShown, through JAVA_TOOL_OPTIONS, which every JVM reads).
JAVA_EXTRA=-Dsealtrail.quitWhenShown=true check workbench 0 app \
  "$image/bin/Sealtrail" --case case
contains workbench "the window is shown"
# what the app keeps went to the usual folders of that HOME (docs/installers.md)
check config-in-xdg-folder 0 test -f "$scratch/home/.config/sealtrail/auditor.key"
check log-in-xdg-folder 0 test -f "$scratch/home/.local/state/sealtrail/sealtrail.log"

# The .deb, unpacked into a scratch root (dpkg -x: no install scripts, no root), runs from there.
root="$scratch/root"
check deb-unpack 0 dpkg -x "$deb" "$root"
check deb-version 0 app "$root/opt/sealtrail/bin/sealtrail" --version
contains deb-version "Sealtrail $version"
check deb-verify 0 app "$root/opt/sealtrail/bin/sealtrail" verify --trust export.sealtrail.vkey export.sealtrail
check deb-desktop-entry 0 grep -q "MimeType=application/vnd.sealtrail.bundle+zip" \
  "$root/opt/sealtrail/lib/sealtrail-Sealtrail.desktop"
check deb-cli-not-in-menu 0 grep -q "NoDisplay=true" "$root/opt/sealtrail/lib/sealtrail-sealtrail.desktop"
JAVA_EXTRA=-Dsealtrail.quitWhenShown=true check deb-workbench 0 app \
  "$root/opt/sealtrail/bin/Sealtrail" --case case
contains deb-workbench "the window is shown"

# The .rpm, where rpmbuild made one (package.sh builds it when rpmbuild is on the PATH): its payload unpacked into
# a scratch root (rpm2archive: no install scripts, no rpm database), run from there; its scripts make the PATH link.
rpm_file="$(ls "$here"/target/installer/sealtrail-*.rpm 2> /dev/null | head -n 1)"
if command -v rpmbuild > /dev/null || [ -n "$rpm_file" ]; then
  rroot="$scratch/rpmroot"
  mkdir -p "$rroot"
  check rpm-present 0 test -f "$rpm_file"
  check rpm-unpack 0 bash -c 'rpm2archive - < "$1" | tar -xz -C "$2"' bash "$rpm_file" "$rroot"
  check rpm-version 0 app "$rroot/opt/sealtrail/bin/sealtrail" --version
  contains rpm-version "Sealtrail $version"
  check rpm-verify 0 app "$rroot/opt/sealtrail/bin/sealtrail" verify --trust export.sealtrail.vkey export.sealtrail
  check rpm-requires-gtk 0 bash -c 'rpm -qp --requires "$1" 2> /dev/null | grep -qx gtk3' bash "$rpm_file"
  check rpm-path-link 0 bash -c 'rpm -qp --scripts "$1" 2> /dev/null | grep -q "ln -sf \"/opt/sealtrail/bin/sealtrail\" /usr/bin/sealtrail"' bash "$rpm_file"
  JAVA_EXTRA=-Dsealtrail.quitWhenShown=true check rpm-workbench 0 app \
    "$rroot/opt/sealtrail/bin/Sealtrail" --case case
  contains rpm-workbench "the window is shown"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
