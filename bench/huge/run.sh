#!/usr/bin/env bash
# The huge-operand case (docs/reliability.md): ftc verify against Python's fractions on the same
# files, each timed as a process (wall, user+sys CPU, peak RSS). Run from the repository root after
# `mvn -B -q package -DskipTests`. FOLDER defaults to target/huge-operands.
set -euo pipefail
cd "$(dirname "$0")/../.."
FOLDER="${1:-target/huge-operands}"
PY="${PYTHON:-python3}"
mkdir -p "$FOLDER"
"$PY" bench/huge/make.py "$FOLDER"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {
  local name=$1; shift
  /usr/bin/time -f "$name: %e s wall, %U s user + %S s sys, %M KB peak RSS" "$@" > "$FOLDER/$name.out" 2> "$FOLDER/$name.time" || true
  tail -1 "$FOLDER/$name.time"
  head -c 300 "$FOLDER/$name.out"; echo
}
measure ftc-verify ./ftc verify "$FOLDER/instance.json" "$FOLDER/network.json"
measure python-fractions "$PY" bench/huge/fractions_verify.py "$FOLDER/instance.json" "$FOLDER/network.json"
