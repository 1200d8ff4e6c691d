#!/usr/bin/env bash
# Fuzzes Sealtrail's parsers with Jazzer (docs/testing.md, "Fuzzing"): every @FuzzTest method of verify, sources
# and index, one at a time, each for a bounded time, and prints per target the executions run and what was found.
# Runs the Jazzer driver directly on the module's test classpath rather than through `JAZZER_FUZZ=1 mvn test`:
# that way the time per target is a flag (the JUnit integration takes it only from the annotation) and no Maven
# starts per target. One target per JVM is Jazzer's rule, so targets run one after another.
#
# Usage: scripts/fuzz.sh [--seconds N] [--xmx SIZE] [--shard I/N] [FILTER...]
#   --seconds N  fuzzing time per target (default 60)
#   --shard I/N  only every N-th target, starting at the I-th (0-based): CI fuzzes one shard per run, so that every
#                target is fuzzed every N runs within a run's time budget
#   --xmx SIZE   heap of each fuzzing JVM (default 256m): an allocation sized by a hostile length field fails as
#                an OutOfMemoryError finding; what one input may allocate on its own thread is the tests'
#                FuzzBounds (16 MiB + 64 bytes per input byte)
#   FILTER       only targets whose "Class#method" contains one of these words (e.g. BundleFuzzTest, sudoIolog)
# Each target's per-input time limit is its class's @Timeout (libFuzzer's -timeout: a slower input is a finding).
# Output: target/fuzz/<Class#method>/ in each module holds the log, the corpus grown so far (reused by the next run;
# not committed) and what this run found (crash-*, timeout-*, oom-*). Keep a finding as a regression input: copy
# it, with a name that says what it is, into src/test/resources/<package>/<Class>Inputs/<method>/ and fix the reader.
# Exit status: 0 when no target found anything, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=60
XMX=256m
FILTERS=()
SHARD=0/1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_PER_TARGET="$2"; shift 2 ;;
    --xmx) XMX="$2"; shift 2 ;;
    --shard) SHARD="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) FILTERS+=("$1"); shift ;;
  esac
done

MODULES=(verify sources index)
echo "Compiling the tests of ${MODULES[*]}..."
# in one reactor, so each module's class path names its sibling modules' target/classes, never an older jar
# installed in ~/.m2; test scope, since Jazzer, JUnit and AssertJ are test dependencies
mvn -B -o -q -pl "$(IFS=,; echo "${MODULES[*]}")" -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/fuzz-classpath.txt >/dev/null

# module<TAB>class<TAB>method<TAB>per-input timeout, found in the sources so a new @FuzzTest is fuzzed without
# being listed here
targets() {
  for m in "${MODULES[@]}"; do
    grep -rl --include='*.java' '@FuzzTest' "$m/src/test/java" | sort | while read -r file; do
      class="$(sed -n 's/^package \(.*\);/\1/p' "$file").$(basename "$file" .java)"
      timeout="$(sed -n 's/^@Timeout(\([0-9]*\)).*/\1/p' "$file" | head -1)"
      awk '/@FuzzTest/ { want = 1; next } want && /void [A-Za-z0-9_]+\(/ {
             match($0, /void [A-Za-z0-9_]+\(/); print substr($0, RSTART + 5, RLENGTH - 6); want = 0 }' "$file" |
        while read -r method; do
          printf '%s\t%s\t%s\t%s\n' "$m" "$class" "$method" "${timeout:-10}"
        done
    done
  done
}

selected() {
  [[ ${#FILTERS[@]} -eq 0 ]] && return 0
  for f in "${FILTERS[@]}"; do
    [[ "$1" == *"$f"* ]] && return 0
  done
  return 1
}

SHARD_INDEX=${SHARD%/*}
SHARD_COUNT=${SHARD#*/}
FOUND=0
N=-1
printf '%-64s %11s %8s %6s  %s\n' "target" "executions" "fuzzed s" "wall s" "result"
while IFS=$'\t' read -r module class method timeout; do
  name="${class##*.}#$method"
  selected "$name" || continue
  N=$((N + 1))
  (( N % SHARD_COUNT == SHARD_INDEX )) || continue
  out="$module/target/fuzz/$name"
  rm -rf "$out/findings" # what an earlier run found is in its log, or was kept as a regression input
  mkdir -p "$out/corpus" "$out/findings"
  start=$(date +%s)
  set +e
  # run from the module so the targets find the conformance kit at ../docs like the tests do
  (cd "$module" && java "-Xmx$XMX" -cp "target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)" \
    com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
    --instrumentation_includes='io.sealtrail.**' \
    -max_total_time="$SECONDS_PER_TARGET" -timeout="$timeout" -artifact_prefix="target/fuzz/$name/findings/" \
    "target/fuzz/$name/corpus") >"$out/log" 2>&1
  rc=$?
  set -e
  done_line=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$out/log" | tail -1 || true)
  runs=$(echo "$done_line" | awk '{print $2}')
  fuzzed=$(echo "$done_line" | awk '{print $5}')
  findings=$(find "$out/findings" -type f | wc -l)
  if [[ $rc -eq 0 && $findings -eq 0 ]]; then
    result="nothing found"
  else
    FOUND=1
    result="FOUND (exit $rc): $(find "$out/findings" -type f | head -3 | tr '\n' ' ')see $out/log"
  fi
  printf '%-64s %11s %8s %6s  %s\n' "$name" "${runs:-?}" "${fuzzed:-?}" "$(( $(date +%s) - start ))" "$result"
done < <(targets)
exit $FOUND
