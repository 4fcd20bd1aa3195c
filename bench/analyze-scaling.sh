#!/usr/bin/env bash
# analyze at scale: `phasesweep analyze` on 10^4 .. 10^7 raw rows of the synthetic model, on
# local[2] with a 1 GiB driver (Spark's default driver memory), printing rows/s and the driver's
# heap after garbage collections at its largest. Not a test: it takes minutes and its numbers depend on the machine.
#   bench/analyze-scaling.sh                 # 1e4 1e5 1e6
#   bench/analyze-scaling.sh 1e4 1e5 1e6 1e7
# The sweep is sweeps/synthetic.yaml with 5 sizes x 40 temperatures = 200 points and as many
# replicas as the row count needs (rows / 200), so the points table, and what the driver should
# hold, is the same at every size while raw grows. Inputs are generated once under
# $BENCH_DIR (default work/bench) by RawGenerator (jobs test sources), each task making its own
# points (10^7: ten copies of the 10^6 rows, which takes minutes instead of an hour), then
# AnalyzeBenchmark times the analysis in a fresh JVM.
# Environment: BENCH_DIR, BENCH_SWEEP (another template sweep file), BENCH_HEAP (default 1g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${BENCH_DIR:-$root/work/bench}"
template="${BENCH_SWEEP:-$root/sweeps/synthetic.yaml}"
heap="${BENCH_HEAP:-1g}"
sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(1e4 1e5 1e6)
mkdir -p "$work"

# the jars and the test classes (-DskipTests compiles the tests, runs none)
(cd "$root" && mvn -o -q -B -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=compile -Dmdep.outputFile=target/runtime-classpath.txt)
cp="$root/jobs/target/test-classes:$root/jobs/target/phasesweep-jobs.jar:$(cat "$root/jobs/target/runtime-classpath.txt")"
spark_props=()
while read -r key value; do
    [[ -z $key || $key == \#* ]] && continue
    spark_props+=("-D$key=$value")
done <"$root/conf/spark-defaults.conf"
java_args=(@"$root/conf/java17.options" -Dspark.ui.enabled=false -Dlog4j2.configurationFile="$root/conf/log4j2.properties" "${spark_props[@]}")
export SPARK_LOCAL_IP=127.0.0.1

for size in "${sizes[@]}"; do
    rows=$(awk -v n="$size" 'BEGIN { printf "%d", n }')
    replicas=$((rows / 200))
    out="$work/rows-$size"
    if [[ ! -d $out/runs ]]; then
        start=$SECONDS
        rm -rf "$out"
        sed -e "s/^name: .*/name: bench-$size/" \
            -e "s/^sizes: .*/sizes: [8, 16, 32, 64, 128]/" \
            -e "s/^replicas: .*/replicas: $replicas/" \
            -e "s/steps: [0-9]*}/steps: 40}/" "$template" >"$work/bench-$size.yaml"
        partitions=$(( rows / 250000 > 2 ? rows / 250000 : 2 ))
        from=()
        # 10^7 rows: ten copies of the 10^6 rows (values repeat; the analysis' cost is the same)
        [[ $rows -ge 10000000 && -d $work/rows-1e6/runs ]] && from=("$work/rows-1e6" $((rows / 1000000)))
        java "${java_args[@]}" -Xmx4g -cp "$cp" io.phasesweep.jobs.bench.RawGenerator \
            "$work/bench-$size.yaml" "$out" 'local[2]' "$partitions" "${from[@]}"
        echo "generated in $((SECONDS - start)) s"
    fi
    java "${java_args[@]}" -Xmx"$heap" -cp "$cp" io.phasesweep.jobs.bench.AnalyzeBenchmark "$out" 'local[2]' \
        | tee -a "$work/results.txt"
done
