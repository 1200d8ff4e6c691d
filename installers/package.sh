#!/usr/bin/env bash
# Packages Sealtrail as a self-contained app for this OS: jdeps -> jlink -> jpackage (app-image), class-data-sharing
# archives recorded by the image itself, then the installers this OS can make (docs/installers.md).
# Run by Maven (mvn -B -Pinstallers -pl installers -am package), which sets:
#   SEALTRAIL_VERSION     the pom's version (0.1.0-SNAPSHOT)
#   SEALTRAIL_INPUT       a folder with the app jar and its runtime jars, flat
#   SEALTRAIL_TARGET      installers/target: everything is written under it
#   SEALTRAIL_JVM_OPTIONS app/src/main/launcher/jvm-options.properties, the options ./sealtrail uses too
# Optional: SEALTRAIL_PACKAGE_TYPES (default: every installer this OS can build; "none" for the app-image alone),
# SEALTRAIL_MAC_SIGN_IDENTITY / SEALTRAIL_MAC_KEYCHAIN (macOS signing, see docs/installers.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${SEALTRAIL_VERSION:?set by Maven}" "${SEALTRAIL_INPUT:?set by Maven}" "${SEALTRAIL_TARGET:?set by Maven}"
: "${SEALTRAIL_JVM_OPTIONS:?set by Maven}"
target="$SEALTRAIL_TARGET"
input="$SEALTRAIL_INPUT"
main_jar="sealtrail-app-$SEALTRAIL_VERSION.jar"
[ -f "$input/$main_jar" ] || { echo "package.sh: $input/$main_jar is missing" >&2; exit 2; }

# The JDK that runs Maven supplies jdeps, jlink, jpackage and the jmods jlink copies from: one JDK for all three,
# so that the runtime's modules are the ones jdeps looked at.
jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
jdeps="${jdk_bin}jdeps"
jlink="${jdk_bin}jlink"
jpackage="${jdk_bin}jpackage"

# Installers need a numeric version (MSI allows at most three numbers, Debian wants a digit first): the pom's
# version without its qualifier, 0.1.0-SNAPSHOT -> 0.1.0. The full one stays in the app (sealtrail --version).
app_version="${SEALTRAIL_VERSION%%-*}"

# Each OS has its own installer types, icon format and launcher names (docs/installers.md).
case "$(uname -s)" in
  Linux) os=linux; icon="$here/src/icon/sealtrail.png"; types="${SEALTRAIL_PACKAGE_TYPES:-deb rpm}" ;;
  Darwin) os=mac; icon="$here/src/icon/sealtrail.icns"; types="${SEALTRAIL_PACKAGE_TYPES:-dmg}" ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; icon="$here/src/icon/sealtrail.ico"; types="${SEALTRAIL_PACKAGE_TYPES:-msi}" ;;
  *) echo "package.sh: no installer for $(uname -s)" >&2; exit 2 ;;
esac
# The command-line launcher is 'sealtrail' beside the 'Sealtrail' workbench; macOS's file system ignores case, so
# there the two would be one file.
cli_name=sealtrail
[ "$os" = mac ] && cli_name=sealtrail-cli

# A value of the options file (key=value lines, '#' comments), the same reader as ./sealtrail's.
option() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do [[ "$line" == "$1="* ]] && printf '%s' "${line#*=}"; done \
    < "$SEALTRAIL_JVM_OPTIONS"
  return 0
}
step() { printf '\n== %s\n' "$*" >&2; }

rm -rf "$target/runtime" "$target/app-image" "$target/installer" "$target/launchers" "$target/cds-training"
mkdir -p "$target/launchers" "$target/installer"

# 1. Which JDK modules the app uses. jdeps reads every class of the app and its libraries (multi-release jars as
#    Java 17 sees them); a library's optional dependency that is absent (Lucene's, PDFBox's) is not ours to ship.
step "jdeps: the JDK modules the jars use"
modules="$("$jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$input/*" "$input"/*.jar)"
# What jdeps cannot see, because it is looked up by name at run time:
# - jdk.crypto.ec: Signature/KeyFactory.getInstance("Ed25519") (checkpoint and manifest signatures) is served by
#   the SunEC provider, a service in that module; without it every Ed25519 signature is "cannot be checked".
#   Found by grepping the sources for getInstance( and checked by test-app-image.sh's gen + verify round trip.
# - jdk.localedata is left out on purpose: the app's words and dates are English; other locales' names of months
#   and numbers fall back to English (saves ~10 MB).
modules="$modules,jdk.crypto.ec"
echo "$modules" > "$target/runtime-modules.txt"
echo "$modules" >&2

# 2. A runtime with only those modules. Debug symbols, headers and man pages are for developers, not for the
#    people who install the app; compression 2 (zip) halves the modules file. --generate-cds-archive records the
#    runtime's own class-data-sharing archive, the base the app's archives (step 4) are recorded on top of; it
#    runs the runtime's bin/java to do so, and so does the command line for an import's own JVM: the JDK's
#    commands stay (a few hundred kB).
step "jlink: a runtime of $(tr ',' '\n' <<<"$modules" | wc -l | tr -d ' ') modules"
"$jlink" --add-modules "$modules" --output "$target/runtime" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive
# The archive without compressed object pointers serves only heaps over 32 GB, which a laptop's workbench never
# asks for: 11 MB less (a JVM that wanted it would start without sharing, not fail).
rm -f "$target/runtime/lib/server/classes_nocoops.jsa"

# 3. The app-image: the runtime, the jars and two native launchers, the workbench (the app's name, what a menu or
#    a double-clicked bundle starts) and the command line (--add-launcher), each with the options ./sealtrail
#    gives it. A launcher's options are fixed, not per command: the command line starts an import's own JVM with
#    the import options (io.sealtrail.app.ImportJvm, docs/installers.md).
step "jpackage: app-image"
other_gc="$(option other.gc)"
cds_quiet="$(option cds.quiet)"
# The command line is for a terminal: a console program on Windows.
cat > "$target/launchers/cli.properties" <<EOF
main-jar=$main_jar
main-class=io.sealtrail.app.Main
java-options=$other_gc $cds_quiet
win-console=true
EOF
common=(--name Sealtrail --app-version "$app_version" --vendor "Sealtrail"
  --description "Verify sealed audit-log bundles offline, and investigate them"
  --copyright "Sealtrail contributors")
workbench_options=()
for o in $other_gc $(option workbench.options) $cds_quiet; do workbench_options+=(--java-options "$o"); done
icon_option=()
[ -f "$icon" ] && icon_option=(--icon "$icon")
"$jpackage" --type app-image --dest "$target/app-image" "${common[@]}" "${icon_option[@]}" \
  --input "$input" --main-jar "$main_jar" --main-class io.sealtrail.app.ui.WorkbenchLauncher \
  --runtime-image "$target/runtime" "${workbench_options[@]}" \
  --add-launcher "$cli_name=$target/launchers/cli.properties"

case "$os" in
  mac) image="$target/app-image/Sealtrail.app"; app_dir="$image/Contents/app"; bin="$image/Contents/MacOS" ;;
  windows) image="$target/app-image/Sealtrail"; app_dir="$image/app"; bin="$image" ;;
  *) image="$target/app-image/Sealtrail"; app_dir="$image/lib/app"; bin="$image/bin" ;;
esac

# 4. Class-data-sharing archives, recorded now by the image's own launchers so that the installed app maps them
#    from its first start (./sealtrail records its archives on a first run instead; the saving is the same:
#    docs/decisions/0010-workbench-start.md). On Java 17 an archive holds the absolute class path it was recorded
#    with, and the JVM refuses it anywhere else ("shared class paths mismatch"; relocation came in later JDKs). So
#    on Linux the launchers are trained as they will run once installed, at $install_dir: in a mount namespace of
#    their own (unshare, no privileges needed where user namespaces are allowed) that shows this image there.
#    The archives travel inside the image and each launcher's .cfg names them. Elsewhere (the app-image unpacked
#    to another folder) the JVM finds the archive's class path wrong and starts without it, silently.
#    The training runs use a scratch HOME, so nothing of the builder's (trust store, recent cases) is read or
#    written; the work they learn from is the demo (gen, verify, import, search, report) and the workbench's
#    first window on the demo case.
#    macOS and Windows install wherever the person chooses: no archive there yet (docs/installers.md).
install_parent=/opt
install_dir="$install_parent/sealtrail"
add_option() { # add_option CFG OPTION: jpackage's .cfg files end with the [JavaOptions] section
  grep -q '^\[JavaOptions\]' "$1" || { echo "package.sh: $1 has no [JavaOptions] section" >&2; exit 2; }
  printf 'java-options=%s\n' "$2" >> "$1"
}
at_install_dir() { # at_install_dir COMMAND...: runs the command where $install_dir is this image
  unshare --map-root-user --mount -- bash -c 'image="$1" parent="$2" dir="$3"; shift 3
    mount -t tmpfs tmpfs "$parent" && mkdir "$dir" && mount --bind "$image" "$dir" && exec "$@"' \
    bash "$image" "$install_parent" "$install_dir" "$@"
}
record() { # record NAME COMMAND...: runs a launcher once, archiving the classes it loaded as NAME.jsa when it ends
  local name="$1"
  shift
  at_install_dir env HOME="$train/home" SEALTRAIL_HOME="$train/home/config" XDG_CACHE_HOME="$train/home/cache" \
    XDG_DATA_HOME="$train/home/data" \
    JAVA_TOOL_OPTIONS="-Duser.home=$train/home -XX:ArchiveClassesAtExit=$install_dir/lib/app/$name.jsa $cds_quiet $RECORD_OPTIONS" \
    "$@" > "$train/$name.log" 2>&1 \
    || { echo "package.sh: the training run for $name.jsa failed:" >&2; cat "$train/$name.log" >&2; exit 2; }
  add_option "$app_dir/$name.cfg" "-XX:SharedArchiveFile=\$APPDIR/$name.jsa"
}
if [ "$os" = linux ]; then
  step "class-data-sharing archives, recorded at $install_dir"
  train="$target/cds-training"
  mkdir -p "$train/home"
  at_install_dir true || { echo "package.sh: unshare cannot show the image at $install_dir (user namespaces off?)" >&2; exit 2; }
  RECORD_OPTIONS= record "$cli_name" "$install_dir/bin/$cli_name" demo --no-gui --dir "$train/demo"
  # The workbench needs a screen: the builder's, else a virtual one (Xvfb). -Dsealtrail.quitWhenShown: it quits
  # once its window is drawn.
  screen=()
  [ -z "${DISPLAY:-}" ] && screen=(xvfb-run -a -s "-screen 0 1366x768x24")
  RECORD_OPTIONS=-Dsealtrail.quitWhenShown=true record Sealtrail "${screen[@]}" "$install_dir/bin/Sealtrail" \
    --case "$train/demo/case"
  ls -l "$app_dir"/*.jsa >&2
fi

# The .rpm's spec: jpackage's own template, taken from this JDK (so it stays the one this jpackage fills in), with
# what the .deb's postinst/prerm add (installers/src/linux): the command line on the PATH as 'sealtrail' unless
# something else has that name, removed on erase only ($1 = 0; an upgrade's new %post has already run), and an xz
# payload like the .deb's (gzip made it 93 MB). A template that lacks the lines patched fails the build, not the
# package.
rpm_spec() {
  local out="$1" jimage="${jdk_bin}jimage" java_home tmp
  java_home="$(dirname "$(dirname "$(readlink -f "$(command -v "${jdk_bin}java")")")")"
  tmp="$target/jpackage-template"
  rm -rf "$tmp"
  "$jimage" extract --dir "$tmp" --include 'regex:.*/jdk/jpackage/internal/resources/template\.spec' \
    "$java_home/lib/modules"
  local template="$tmp/jdk.jpackage/jdk/jpackage/internal/resources/template.spec"
  for marker in '^DESKTOP_COMMANDS_INSTALL$' '^DESKTOP_COMMANDS_UNINSTALL$' '^%define __jar_repack'; do
    grep -q "$marker" "$template" || { echo "package.sh: jpackage's template.spec has no line $marker" >&2; exit 2; }
  done
  sed -e "/^DESKTOP_COMMANDS_INSTALL\$/a if [ ! -e /usr/bin/sealtrail ] || [ \"\$(readlink /usr/bin/sealtrail)\" = \"$install_dir/bin/sealtrail\" ]; then ln -sf \"$install_dir/bin/sealtrail\" /usr/bin/sealtrail; fi" \
    -e "/^DESKTOP_COMMANDS_UNINSTALL\$/a if [ \"\$1\" = 0 ] \&\& [ \"\$(readlink /usr/bin/sealtrail)\" = \"$install_dir/bin/sealtrail\" ]; then rm -f /usr/bin/sealtrail; fi" \
    -e '/^%define __jar_repack/a %define _binary_payload w6.xzdio' "$template" > "$out"
}

# 5. Installers, made from the finished image so that they hold exactly what was tested and archived.
#    The bundle file extension (.sealtrail, a zip bundle: docs/decisions/0022-bundle-file-extension.md) opens in
#    the workbench from a file manager; the .deb depends on GTK 3 because JavaFX's natives (in its jars, invisible
#    to dpkg-shlibdeps) need it for a window.
for type in $types; do
  [ "$type" = none ] && continue
  extra=()
  case "$type" in
    deb | rpm)
      command -v "$([ "$type" = deb ] && echo dpkg-deb || echo rpmbuild)" > /dev/null \
        || { echo "package.sh: no $([ "$type" = deb ] && echo dpkg-deb || echo rpmbuild) here: the .$type is not built" >&2; continue; }
      # Our resources replace jpackage's templates of the same name: the menu entry (Sealtrail.desktop, which
      # passes the files it opens, %F: jpackage 17's own does not) and postinst/prerm (the PATH link), with the
      # install folder filled in.
      rm -rf "$target/linux-resources" && mkdir -p "$target/linux-resources"
      for f in "$here"/src/linux/*; do sed "s|@INSTALL_DIR@|$install_dir|g" "$f" > "$target/linux-resources/$(basename "$f")"; done
      # jpackage 17 gives every launcher a menu entry, whatever linux-shortcut says: the command line's is hidden
      # (a terminal program started from a menu shows nothing). Written here, not kept in src/linux, where its
      # name would differ from Sealtrail.desktop's only in case.
      cat > "$target/linux-resources/$cli_name.desktop" <<EOF
[Desktop Entry]
Name=APPLICATION_NAME
Comment=APPLICATION_DESCRIPTION
Exec=APPLICATION_LAUNCHER
Icon=APPLICATION_ICON
Terminal=true
NoDisplay=true
Type=Application
Categories=DEPLOY_BUNDLE_CATEGORY
EOF
      extra=(--install-dir "$install_parent" --linux-package-name sealtrail --linux-app-category utils --linux-menu-group "Office;Utility;"
        --linux-shortcut --resource-dir "$target/linux-resources")
      if [ "$type" = deb ]; then
        extra+=(--linux-package-deps libgtk-3-0 --linux-deb-maintainer "sealtrail@example.invalid")
      else
        extra+=(--linux-package-deps gtk3)
        rpm_spec "$target/linux-resources/sealtrail.spec"
      fi
      ;;
    msi)
      # WiX 3 makes the .msi; the upgrade UUID must never change, so a new version replaces the old one.
      extra=(--win-menu --win-menu-group Sealtrail --win-shortcut --win-dir-chooser --win-per-user-install
        --win-upgrade-uuid 6b1f7c52-3d0e-4c35-9a3e-51f1e0c7a2d4)
      ;;
    dmg)
      extra=(--mac-package-identifier io.sealtrail.workbench --mac-package-name Sealtrail)
      if [ -n "${SEALTRAIL_MAC_SIGN_IDENTITY:-}" ]; then
        extra+=(--mac-sign --mac-signing-key-user-name "$SEALTRAIL_MAC_SIGN_IDENTITY")
        [ -n "${SEALTRAIL_MAC_KEYCHAIN:-}" ] && extra+=(--mac-signing-keychain "$SEALTRAIL_MAC_KEYCHAIN")
      fi
      ;;
  esac
  associations=()
  [ -f "$here/src/$os/sealtrail-bundle.properties" ] \
    && associations=(--file-associations "$here/src/$os/sealtrail-bundle.properties")
  step "jpackage: .$type"
  "$jpackage" --type "$type" --app-image "$image" --dest "$target/installer" "${common[@]}" "${icon_option[@]}" \
    "${associations[@]}" "${extra[@]}"
done
ls -l "$target/installer" >&2
