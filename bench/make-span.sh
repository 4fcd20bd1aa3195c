#!/usr/bin/env bash
# The scheduling cost model (engine run/MeasuredCost): a sweep of sizes 8..128 (2D Ising, Wolff,
# 9 temperatures over [2.0, 2.6]) run with REPLICAS replicas, then grown to GROWN and resumed, which
# schedules the new replicas by the first run's wall times. MakeSpanBenchmark (jobs test sources)
# replays the resumed run's schedule with the points' measured wall times, dealt by the model's
# static estimates and by the measured costs, each into tasks by factoring (as run does) and into
# 3 tasks per core (as it did before), and prints the make-spans beside the bound (work / cores).
# Not a test.
#   bench/make-span.sh            # 2 replicas, grown to 6, 400 Wolff flips per point
#   bench/make-span.sh 2 6 1000
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
replicas="${1:-2}"
grown="${2:-6}"
measure="${3:-400}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -o -q -B -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=compile -Dmdep.outputFile=target/runtime-classpath.txt)
cp="$root/jobs/target/test-classes:$root/jobs/target/phasesweep-jobs.jar:$(cat "$root/jobs/target/runtime-classpath.txt")"
sweep() {
    cat <<YAML
name: make-span
model: ising
seed: 23
params:
  dim: 2
  algorithm: wolff
axes:
  T: {from: 2.0, to: 2.6, steps: 9}
sizes: [8, 16, 32, 64, 128]
replicas: $1
budget:
  thermalize: 50
  measure: $measure
YAML
}
sweep "$replicas" >"$work/first.yaml"
sweep "$grown" >"$work/grown.yaml"
run_id() { sed -n 's/.*(run_id \(.*\))$/\1/p' "$1"; }
"$root/phasesweep" run "$work/first.yaml" --out "$work/out" --quiet >"$work/first"
"$root/phasesweep" run "$work/grown.yaml" --out "$work/out" --resume --quiet >"$work/grown"
echo "load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores; resumed run: $(grep ' points: ' "$work/grown")"
# the resumed run's own tasks: how busy its points kept the cores
grep ' tasks: ' "$work/grown" || true
export SPARK_LOCAL_IP=127.0.0.1
java @"$root/conf/java17.options" -Dspark.ui.enabled=false -Dlog4j2.configurationFile="$root/conf/log4j2.properties" \
    -cp "$cp" io.phasesweep.jobs.spark.MakeSpanBenchmark "$work/grown.yaml" "$work/out" \
    "$(run_id "$work/first")" "$(run_id "$work/grown")" "$(nproc)" 10
