#!/usr/bin/env bash
# Runs `mvn -B test` RUNS times in a row (default 30) on this checkout and stops at the first red run.
# Optional load: LOAD=n starts n CPU-bound processes (`sha256sum /dev/zero`) for the whole loop, so
# the suite is checked on a machine that is busy with something else.
# Writes one line per run to target/repeat-tests/runs.tsv:
#   run, exit status, seconds, tests run, failures+errors, skipped, load average at start and at end.
# A red run keeps its surefire reports in target/repeat-tests/run-<n>/.
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-30}"
LOAD="${LOAD:-0}"
OUT=target/repeat-tests
mkdir -p "$OUT"
loaders=()
for ((i = 0; i < LOAD; i++)); do sha256sum /dev/zero >/dev/null & loaders+=($!); done
trap 'kill "${loaders[@]}" 2>/dev/null' EXIT
printf 'run\texit\tseconds\ttests\tfailed\tskipped\tload_start\tload_end\n' > "$OUT/runs.tsv"
mvn -B -q test-compile >/dev/null || exit 1
for ((r = 1; r <= RUNS; r++)); do
  load0=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s)
  mvn -B test > "$OUT/last.log" 2>&1
  rc=$?
  t1=$(date +%s)
  load1=$(cut -d' ' -f1 /proc/loadavg)
  summary=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run:' "$OUT/last.log" | tail -1)
  tests=$(sed -E 's/.*Tests run: ([0-9]+).*/\1/' <<<"$summary")
  failed=$(($(sed -E 's/.*Failures: ([0-9]+).*/\1/' <<<"$summary") + $(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$summary")))
  skipped=$(sed -E 's/.*Skipped: ([0-9]+).*/\1/' <<<"$summary")
  printf '%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n' "$r" "$rc" $((t1 - t0)) "$tests" "$failed" "$skipped" "$load0" "$load1" >> "$OUT/runs.tsv"
  echo "run $r: exit $rc, $((t1 - t0)) s, $tests tests, $failed failed, load $load0 -> $load1"
  if [ "$rc" -ne 0 ]; then
    mkdir -p "$OUT/run-$r" && cp -r target/surefire-reports "$OUT/run-$r/" && cp "$OUT/last.log" "$OUT/run-$r/"
    echo "red run $r: reports in $OUT/run-$r" >&2
    exit 1
  fi
done
echo "$RUNS runs green"
