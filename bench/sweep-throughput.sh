#!/usr/bin/env bash
# A whole sweep through `./phasesweep run` against a plain loop over the same points through
# Model.run on the same cores (PlainLoop, jobs test sources), measured in one run: the two
# alternate for ROUNDS rounds and each figure is the best of its rounds (the machine is shared).
# Not a test.
#   bench/sweep-throughput.sh              # short points: 2000 points of ~10 ms (ising L = 16, Wolff)
#   bench/sweep-throughput.sh long         # long points: 12 points of ~1 s (ising L = 64, Wolff)
#   bench/sweep-throughput.sh one          # one point of ~30 ms: the whole command is the fixed cost of a run
#   bench/sweep-throughput.sh POINTS SIZE MEASURE [ROUNDS]
# Options, before the mode:
#   --double        each round also runs twice the points (twice the replicas), and the marginal
#                   ratios are printed: the loop's extra time for the extra points / the sweep's,
#                   the fixed cost (start-up, the first write's cold code, the analysis) cancelled
#   --baseline DIR  each round also runs DIR's ./phasesweep (another checkout, e.g. a clone of
#                   main), alternating with this one's, and prints its figures beside
#   --tasks         the runs write Spark's event log (python3 reads it), and each variant's figures
#                   end with the time its points' tasks took around the points, in ms per point
#                   (the least of the rounds): the tasks' run time less the points' own wall time
#                   (the engine's time around the model, and what wall_ms does not count), and the
#                   tasks' whole time from launch to finish less the points' (with the task's
#                   deserialization, its result's serialization and the driver's receipt of it)
# The sweep is 2D Ising, Wolff, 20 temperatures over [2.2, 2.4], POINTS / 20 replicas (at least 1),
# 50 thermalization and MEASURE measured cluster flips, without an analysis section: the run
# command still averages the points and writes the report, as for any sweep. Printed ratios
# (throughput of phasesweep / throughput of the plain loop, 1 = no overhead):
#   run stage      the loop's wall time / the run's "in X s" (Spark session up; waves, counts, runs table)
#   cores busy     (not a ratio; the most of the rounds) the points' own wall time over the cores'
#                  time during the run's waves, as the run prints it: what the waves' tasks leave idle
#                  at a wave's end, and Spark's and the writes' time, lower it; steadier under load
#   whole command  the loop's JVM, start to exit / ./phasesweep's, start to exit (Spark's start,
#                  averaging and report included; the plain JVM starts in ~0.3 s), in wall seconds
#                  and in CPU seconds (user + system: what the command costs a shared machine,
#                  steadier than wall time under load)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
double=false
baseline=
tasks=false
while [[ ${1:-} == --* ]]; do
    case "$1" in
        --double) double=true; shift ;;
        --baseline) baseline="$(cd "$2" && pwd)"; shift 2 ;;
        --tasks) tasks=true; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
case "${1:-short}" in
    short) points=2000 size=16 measure=500 rounds=${2:-1} ;;
    long) points=12 size=64 measure=16000 rounds=${2:-1} ;;
    one) points=1 size=16 measure=1000 rounds=${2:-1} ;;
    *) points=$1 size=$2 measure=$3 rounds=${4:-1} ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the jars (the launcher's build) and the test classes (-DskipTests compiles the tests, runs none)
(cd "$root" && mvn -o -q -B -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=compile -Dmdep.outputFile=target/runtime-classpath.txt)
cp="$root/jobs/target/test-classes:$root/jobs/target/phasesweep-jobs.jar:$(cat "$root/jobs/target/runtime-classpath.txt")"
cores=$(nproc)

# sweep_file N: the sweep of N points (N / 20 replicas of up to 20 temperatures)
sweep_file() {
    local n=$1 replicas temperatures
    replicas=$(( n / 20 > 0 ? n / 20 : 1 ))
    temperatures=$(( n < 20 ? n : 20 ))
    cat >"$work/sweep-$n.yaml" <<EOF
name: throughput
model: ising
seed: 17
params:
  dim: 2
  algorithm: wolff
axes:
  T: {from: 2.2, to: 2.4, steps: $temperatures}
sizes: [$size]
replicas: $replicas
budget:
  thermalize: 50
  measure: $measure
EOF
}
counts=("$points")
$double && counts+=("$((2 * points))")
for n in "${counts[@]}"; do sweep_file "$n"; done

# task_time EVENTS POINT_SECONDS POINTS: the points' tasks' (the run's collect jobs) run time and
# whole time, launch to finish, less the points' own wall time, in ms per point
task_time() {
    python3 - "$@" <<'EOF'
import glob, json, sys
events, seconds, points = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
names, run, whole = {}, 0, 0
for line in open(glob.glob(events + "/*/events_*")[0]):
    e = json.loads(line)
    if e["Event"] == "SparkListenerStageSubmitted":
        names[e["Stage Info"]["Stage ID"]] = e["Stage Info"]["Stage Name"]
    elif e["Event"] == "SparkListenerTaskEnd" and names.get(e["Stage ID"], "").startswith("collectAsync at RunJob"):
        run += e["Task Metrics"]["Executor Run Time"]
        whole += e["Task Info"]["Finish Time"] - e["Task Info"]["Launch Time"]
print("%.3f %.3f" % ((run - 1000 * seconds) / points, (whole - 1000 * seconds) / points))
EOF
}

launchers=("sweep $root/phasesweep")
[[ -n $baseline ]] && launchers+=("base $baseline/phasesweep")
# the launchers' own builds and class archives, if due, are not part of the figures
for l in "${launchers[@]}"; do ${l#* } validate "$work/sweep-$points.yaml" >/dev/null; done
for ((r = 0; r < rounds; r++)); do
    for n in "${counts[@]}"; do
        /usr/bin/time -o "$work/time" -f "%e %U %S" java -cp "$cp" io.phasesweep.jobs.bench.PlainLoop "$work/sweep-$n.yaml" "$cores" >"$work/loop"
        loop=$(sed -n 's/.* in \([0-9.]*\) s,.*/\1/p' "$work/loop")
        echo "loop $n $loop $(cat "$work/time")" >>"$work/all"
        sed -n 's/.*(\([0-9.]*\) ms per point)/\1/p' "$work/loop" >>"$work/per-point"
        for l in "${launchers[@]}"; do
            rm -rf "$work/out" "$work/events"
            events=()
            $tasks && mkdir "$work/events" && events=(--conf spark.eventLog.enabled=true --conf spark.eventLog.compress=false
                                                       --conf "spark.eventLog.dir=file:$work/events")
            /usr/bin/time -o "$work/time" -f "%e %U %S" \
                ${l#* } run "$work/sweep-$n.yaml" --out "$work/out" --quiet --conf spark.ui.enabled=false "${events[@]}" >"$work/run"
            run=$(sed -n 's/^[0-9]* points: .* in \([0-9.]*\) s$/\1/p' "$work/run")
            # the share of the cores' time the points ran during the waves (a build that prints it)
            busy=$(sed -n 's/.* tasks: the ok points ran .*, \([0-9]*\) % of .*/\1/p' "$work/run")
            around="- -"
            $tasks && around=$(task_time "$work/events" "$(sed -n 's/.* the ok points ran \([0-9.]*\) s,.*/\1/p' "$work/run")" "$n")
            echo "${l%% *} $n $run $(cat "$work/time") ${busy:--} $around" >>"$work/all"
        done
    done
done

per_point=$(sort -n "$work/per-point" | head -1)
echo "$points points of ~$per_point ms (ising L = $size, $measure Wolff flips; fastest round), best of $rounds rounds," \
     "load $(cut -d' ' -f1 /proc/loadavg) on $cores cores, $(date -u +%H:%M) UTC"
# best of the rounds per (variant, points) and figure; ratios against the loop
awk -v double="$double" -v n1="$points" '
    function best(a, k, v) { if (!(k in a) || v < a[k]) a[k] = v }
    function most(a, k, v) { if (v != "-" && v != "" && (!(k in a) || v > a[k])) a[k] = v }
    { k = $1 " " $2; seen[$1] = 1; best(stage, k, $3); best(whole, k, $4); best(cpu, k, $5 + $6); most(busy, k, $7)
      if (NF >= 9 && $8 != "-") { best(aroundRun, k, $8); best(aroundTask, k, $9) } }
    function line(label, a, n, v) { printf "%-26s %10.2f %10.2f %8.3f\n", label, a["loop " n], a[v " " n], a["loop " n] / a[v " " n] }
    function slope(label, a, v,   n2, l, s) {
        n2 = 2 * n1; l = a["loop " n2] - a["loop " n1]; s = a[v " " n2] - a[v " " n1]
        printf "%-26s %10.2f %10.2f %8.3f\n", label, l, s, l / s
    }
    END {
        nv = split("sweep base", variants, " ")
        for (i = 1; i <= nv; i++) {
            v = variants[i]; if (!(v in seen)) continue
            printf "%-26s %10s %10s %8s\n", (v == "base" ? "baseline" : "this tree"), "loop", v, "ratio"
            for (n = n1; n <= (double == "true" ? 2 * n1 : n1); n += n1) {
                printf "  %d points\n", n
                line("run stage, wall s", stage, n, v)
                line("whole command, wall s", whole, n, v)
                line("whole command, CPU s", cpu, n, v)
                if ((v " " n) in busy) printf "%-26s %21s %7d%%\n", "cores busy with points", "", busy[v " " n]
                if ((v " " n) in aroundRun) printf "%-26s %21s %8.3f\n%-26s %21s %8.3f\n", "task run around a point, ms",
                    "", aroundRun[v " " n], "whole task around it, ms", "", aroundTask[v " " n]
            }
            if (double == "true") {
                printf "  marginal: %d points more\n", n1
                slope("run stage, wall s", stage, v)
                slope("whole command, wall s", whole, v)
                slope("whole command, CPU s", cpu, v)
            }
        }
    }' "$work/all"
# every round, for the record: whole command wall and CPU seconds (cores busy, task times around a point)
awk '{ w[$1 " " $2] = w[$1 " " $2] sprintf(" %.2f/%.2f", $4, $5 + $6) (NF >= 7 && $7 != "-" ? "/" $7 "%" : "") \
           (NF >= 9 && $8 != "-" ? "/" $8 "/" $9 : "") }
     END { for (k in w) printf "rounds, %s points, whole command wall/CPU s (/cores busy/task run, whole task around a point, ms):%s\n", k, w[k] }' \
    "$work/all" | sort
