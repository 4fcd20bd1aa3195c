#!/usr/bin/env bash
# Refined against uniform: runs a shipped sweep as written (the "uniform" sweep: the same grid and
# replicas at every size), then a refined sweep of the same model, sizes, analysis and seed that
# starts from a coarse grid (5 temperatures over [2.0, 2.6], 3 replicas) with the uniform sweep's
# final stderr of the critical value as its target and 3x its core-seconds as budget, and prints
# the core-seconds each needed to reach that stderr and their ratio. Not a test: minutes, and the
# numbers depend on the machine (core-seconds are raw.wall_ms summed, each row counted at least
# 1 ms, as the refinement counts them: a synthetic point takes microseconds).
#   bench/refine-vs-uniform.sh                                   # sweeps/synthetic.yaml, x_c = 2.27
#   bench/refine-vs-uniform.sh bench/synthetic-grid.yaml 2.27         # a uniform grid over [2.0, 2.6]
#   bench/refine-vs-uniform.sh sweeps/ising2d-quick.yaml 2.269185
# Environment: BENCH_DIR (default work/bench-refine).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
uniform_file="${1:-sweeps/synthetic.yaml}"
exact="${2:-2.27}"
work="${BENCH_DIR:-$root/work/bench-refine}"
name="$(basename "$uniform_file" .yaml)"
mkdir -p "$work"
ps() { "$root/phasesweep" "$@"; }

# best row of a quantity as "value stderr" from a table's CSV (critical value: boundaries)
best() {
    python3 -c '
import csv, sys
table, column, quantity = sys.argv[1], sys.argv[2], sys.argv[3]
for r in csv.DictReader(sys.stdin):
    if r["method"] == "best" and (quantity == "" or r.get("quantity") == quantity):
        print(r[column], r["stderr"]); break
else:
    print("nan nan")' "$@"
}

start=$SECONDS
ps run "$root/$uniform_file" --out "$work/$name-uniform" --overwrite --quiet >"$work/$name-uniform.log"
uniform_wall=$((SECONDS - start))
read -r uniform_cs uniform_points < <(ps show "$work/$name-uniform" raw --csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(sum(max(int(r["wall_ms"]), 1) for r in rows) / 1000, len(rows))')
read -r uniform_xc uniform_se < <(ps show "$work/$name-uniform" boundaries --csv | best boundaries critical_value "")
read -r uniform_nu uniform_nu_se < <(ps show "$work/$name-uniform" exponents --csv | best exponents value nu)

budget=$(python3 -c "print(3 * $uniform_cs)")
sed -e "s/^name: .*/name: $name-refine/" -e "s/^  T: .*/  T: {from: 2.0, to: 2.6, steps: 5}/" \
    -e "s/^replicas: .*/replicas: 3/" "$root/$uniform_file" >"$work/$name-refine.yaml"
printf 'refine:\n  target: {critical_value: %s}\n  budget_core_seconds: %s\n  max_rounds: 8\n' \
    "$uniform_se" "$budget" >>"$work/$name-refine.yaml"
start=$SECONDS
ps run "$work/$name-refine.yaml" --out "$work/$name-refine" --overwrite --quiet >"$work/$name-refine.log"
refine_wall=$((SECONDS - start))
grep '^round ' "$work/$name-refine.log"
ps show "$work/$name-refine" rounds --csv | python3 -c '
import csv, sys
exact, uniform_cs, uniform_se, uniform_xc, uniform_points = (float(a) for a in sys.argv[1:6])
rows = [r for r in csv.DictReader(sys.stdin) if r["quantity"] == "critical_value"]
reached = next((r for r in rows if r["stderr"] and float(r["stderr"]) <= uniform_se), None)
last = rows[-1]
print(f"uniform: x_c = {uniform_xc:.6f} +- {uniform_se:.6f} ({(uniform_xc - exact) / uniform_se:+.2f} sigma from {exact}), {uniform_points:.0f} points, {uniform_cs:.3f} core-s")
value, se = float(last["value"] or "nan"), float(last["stderr"] or "nan")
spent, rounds, stop, points = float(last["core_seconds"]), last["round"], last["stop"], last["points"]
print(f"refined: x_c = {value:.6f} +- {se:.6f} ({(value - exact) / se:+.2f} sigma), {points} points, {spent:.3f} core-s after round {rounds}, stop: {stop}")
if reached:
    cs, at, n = float(reached["core_seconds"]), reached["round"], int(reached["points"])
    print(f"same stderr of x_c: uniform {uniform_cs:.3f} core-s, refined {cs:.3f} core-s ({n} points, round {at}): ratio uniform/refined = {uniform_cs / cs:.2f}")
else:
    print(f"the refined sweep did not reach the uniform stderr {uniform_se:.6f} within {3 * uniform_cs:.3f} core-s")
' "$exact" "$uniform_cs" "$uniform_se" "$uniform_xc" "$uniform_points"
echo "uniform nu = $uniform_nu +- $uniform_nu_se; wall: uniform ${uniform_wall} s, refined ${refine_wall} s (Spark start-up and a run + analysis per round included)"
