#!/usr/bin/env bash
# Reading and writing benchmark, end to end, in one run (docs/performance.md, "Reading and writing"):
#  1. in one JVM: Jackson's streaming tokenizer vs ftc's readers on an instance and a network file,
#     and ftc's streaming writers (org.ftc.bench.ReadWriteBench);
#  2. as processes, from the files: `ftc construct` and `ftc verify` against a process that only
#     tokenizes the same input files with Jackson (same JVM start-up), with peak memory.
# Usage: bench/read-write.sh [FOLDER [d K N]]   (default target/bench-io 16 100000 10000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
folder="${1:-target/bench-io}"; d="${2:-16}"; k="${3:-100000}"; n="${4:-10000}"
mvn -B -q test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-io.cp >&2
cp="target/classes:target/test-classes:$(cat target/bench-io.cp)"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xss8m -cp "$cp" org.ftc.bench.ReadWriteBench "$folder" "$d" "$k" "$n" 5
./ftc bounds 1 > /dev/null   # builds target/ftc.jar if needed, outside the timings
inst="$folder/instance.json"; net="$folder/network.json"
timed() {  # label, command...: wall seconds and peak resident memory of one process
  local label="$1"; shift
  /usr/bin/time -f "$label %e s, peak %M KB" "$@" > /dev/null 2> >(grep -E "^$label" >&2) || true
}
for r in 1 2 3; do
  timed "tokenize-instance" java -Xss8m -cp "$cp" org.ftc.bench.ReadWriteBench tokenize "$inst"
  timed "construct" ./ftc construct "$inst"
  timed "tokenize-both" bash -c "java -cp '$cp' org.ftc.bench.ReadWriteBench tokenize '$inst' && java -cp '$cp' org.ftc.bench.ReadWriteBench tokenize '$net'"
  timed "verify" ./ftc verify "$inst" "$net"
done 2>&1
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
