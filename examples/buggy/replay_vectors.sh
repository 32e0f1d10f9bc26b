#!/usr/bin/env bash
# The gate's counterexamples of every planted bug here replay as judge vectors (spec/vectors.md):
# ./ftc gate judges each bug (one process per instance, as the gate runs them) and writes every
# counterexample also as vectors/<case>.json; then org.ftc.spec.VectorReplay replays all of them
# through the project's judge. Exit 0 when every bug was caught and every vector replays.
# Run from anywhere: examples/buggy/replay_vectors.sh [--count N] (default 60; seed 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
count=60
if [[ "${1:-}" == "--count" ]]; then count="$2"; fi
py="${PYTHON:-python3}"
./ftc bounds 1 >/dev/null          # builds target/ftc.jar when the sources are newer
mvn -B -q test-compile             # target/test-classes: the vector runner
out=target/planted-bug-vectors
rm -rf "$out"
mkdir -p "$out"
for file in examples/buggy/*.py; do
  bug="$(basename "$file" .py)"
  case "$bug" in bug|benchmark) continue ;; esac
  status=0
  ./ftc gate --impl "$py $file" --count "$count" --seed 1 --shrink-seconds 20 --max-shrinks 3 --quiet \
    --out "$out/$bug" > "$out/$bug.txt" 2>&1 || status=$?
  vectors=$(find "$out/$bug/vectors" -name '*.json' 2>/dev/null | wc -l)
  echo "$bug: gate exit $status, $vectors vector(s) written"
  if [[ "$status" != 1 || "$vectors" == 0 ]]; then
    echo "$bug: expected the gate to fail (exit 1) and write vectors; see $out/$bug.txt" >&2
    exit 1
  fi
done
java -cp target/test-classes:target/ftc.jar org.ftc.spec.VectorReplay "$out"/*/vectors
