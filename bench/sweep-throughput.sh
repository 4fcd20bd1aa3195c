#!/usr/bin/env bash
# A whole sweep through `./phasesweep run` against a plain loop over the same points through
# Model.run on the same cores (PlainLoop, jobs test sources), measured in one run: the two
# alternate for ROUNDS rounds and each figure is the best of its rounds (the machine is shared).
# Not a test.
#   bench/sweep-throughput.sh              # short points: 2000 points of ~10 ms (ising L = 16, Wolff)
#   bench/sweep-throughput.sh long         # long points: 12 points of ~1 s (ising L = 64, Wolff)
#   bench/sweep-throughput.sh one          # one point of ~30 ms: the whole command is the fixed cost of a run
#   bench/sweep-throughput.sh POINTS SIZE MEASURE [ROUNDS]
# The sweep is 2D Ising, Wolff, 20 temperatures over [2.2, 2.4], POINTS / 20 replicas (at least 1),
# 50 thermalization and MEASURE measured cluster flips, without an analysis section: the run
# command still averages the points and writes the report, as for any sweep. Printed ratios
# (throughput of phasesweep / throughput of the plain loop, 1 = no overhead):
#   run stage      the loop's wall time / the run's "in X s" (Spark session up; waves, counts, runs table)
#   whole command  the loop's JVM, start to exit / ./phasesweep's, start to exit (Spark's start,
#                  averaging and report included; the plain JVM starts in ~0.3 s), in wall seconds
#                  and in CPU seconds (user + system: what the command costs a shared machine,
#                  steadier than wall time under load)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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
replicas=$(( points / 20 > 0 ? points / 20 : 1 ))
temperatures=$(( points < 20 ? points : 20 ))
cat >"$work/sweep.yaml" <<EOF
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

# the launcher's own build and class archive, if due, are not part of the figures
"$root/phasesweep" validate "$work/sweep.yaml" >/dev/null
for ((r = 0; r < rounds; r++)); do
    /usr/bin/time -o "$work/time" -f "%e %U %S" java -cp "$cp" io.phasesweep.jobs.bench.PlainLoop "$work/sweep.yaml" "$cores" >"$work/loop"
    loop=$(sed -n 's/.* in \([0-9.]*\) s,.*/\1/p' "$work/loop")
    echo "loop $loop $(cat "$work/time")" >>"$work/all"
    rm -rf "$work/out"
    /usr/bin/time -o "$work/time" -f "%e %U %S" \
        "$root/phasesweep" run "$work/sweep.yaml" --out "$work/out" --quiet --conf spark.ui.enabled=false >"$work/run"
    run=$(sed -n 's/^[0-9]* points: .* in \([0-9.]*\) s$/\1/p' "$work/run")
    echo "sweep $run $(cat "$work/time")" >>"$work/all"
done

per_point=$(sed -n 's/.*(\([0-9.]*\) ms per point)/\1/p' "$work/loop")
echo "$points points of ~$per_point ms (ising L = $size, $measure Wolff flips), best of $rounds rounds, load $(cut -d' ' -f1 /proc/loadavg) on $cores cores"
awk '{ if (!($1 in stage) || $2 < stage[$1]) stage[$1] = $2; if (!($1 in whole) || $3 < whole[$1]) whole[$1] = $3
       if (!($1 in cpu) || $4 + $5 < cpu[$1]) cpu[$1] = $4 + $5 }
     END {
       printf "%-20s %10s %10s %8s\n", "", "loop", "sweep", "ratio"
       printf "%-20s %10.2f %10.2f %8.3f\n", "run stage, wall s", stage["loop"], stage["sweep"], stage["loop"] / stage["sweep"]
       printf "%-20s %10.2f %10.2f %8.3f\n", "whole command, wall s", whole["loop"], whole["sweep"], whole["loop"] / whole["sweep"]
       printf "%-20s %10.2f %10.2f %8.3f\n", "whole command, CPU s", cpu["loop"], cpu["sweep"], cpu["loop"] / cpu["sweep"]
     }' "$work/all"
