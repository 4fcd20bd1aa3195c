#!/usr/bin/env bash
# Refined against uniform: runs a shipped sweep as written (the "uniform" sweep: the same grid and
# replicas at every size), then a refined sweep of the same model, sizes, analysis and seed that
# starts from a coarse grid (5 temperatures over [2.0, 2.6], 3 replicas) on the smaller half of the
# sizes, the larger half allowed to join once x_c is located within their windows, with the uniform sweep's
# final stderr of the critical value (and of nu, when the uniform sweep has a best nu) as its
# targets and 3x its core-seconds as budget, and prints the core-seconds each needed to reach
# those stderrs and their ratios. Not a test: minutes, and the
# numbers depend on the machine (core-seconds are raw.wall_ms summed, each row counted at least
# 1 ms, as the refinement counts them: a synthetic point takes microseconds).
#   bench/refine-vs-uniform.sh                                   # sweeps/synthetic.yaml, x_c = 2.27
#   bench/refine-vs-uniform.sh bench/synthetic-grid.yaml 2.27         # a uniform grid over [2.0, 2.6]
#   bench/refine-vs-uniform.sh sweeps/ising2d.yaml 2.269185 1      # issue 14's benchmark (tens of minutes)
#   bench/refine-vs-uniform.sh sweeps/ising2d-quick.yaml 2.269185
# Environment: BENCH_DIR (default work/bench-refine); REFINE_START=all starts the coarse grid on
# every size, as issue 14 words it (no sizes_allowed), instead of the smaller half.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
uniform_file="${1:-sweeps/synthetic.yaml}"
exact="${2:-2.27}"
exact_nu="${3:-1}"
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
# the coarse grid on the smaller half of the sizes (at least three); the larger ones are
# sizes_allowed, which join once x_c is located within their scaling window (docs/refine.md)
IFS='|' read -r small large < <(sed -n 's/^sizes: \[\([^]]*\)\].*/\1/p' "$root/$uniform_file" | python3 -c '
import sys
sizes = [s.strip() for s in sys.stdin.read().split(",")]
k = len(sizes) if sys.argv[1] == "all" else max(3, (len(sizes) + 1) // 2)
print(", ".join(sizes[:k]) + "|" + (", ".join(sizes[k:]) or "-"))' "${REFINE_START:-half}")
sed -e "s/^name: .*/name: $name-refine/" -e "s/^  T: .*/  T: {from: 2.0, to: 2.6, steps: 5}/" \
    -e "s/^replicas: .*/replicas: 3/" -e "s/^sizes: .*/sizes: [$small]/" "$root/$uniform_file" >"$work/$name-refine.yaml"
nu_target=$(python3 -c "import math; v = float('$uniform_nu_se'); print(', nu: %s' % v if math.isfinite(v) and v > 0 else '')")
allowed=$([[ $large == - ]] || printf '  sizes_allowed: [%s]\n' "$large")
printf 'refine:\n  target: {critical_value: %s%s}\n  budget_core_seconds: %s\n  max_rounds: 8\n%s\n' \
    "$uniform_se" "$nu_target" "$budget" "$allowed" >>"$work/$name-refine.yaml"
start=$SECONDS
ps run "$work/$name-refine.yaml" --out "$work/$name-refine" --overwrite --quiet >"$work/$name-refine.log"
refine_wall=$((SECONDS - start))
grep '^round ' "$work/$name-refine.log"
ps show "$work/$name-refine" rounds --csv | python3 -c '
import csv, math, sys
exact, exact_nu, uniform_cs, uniform_points = (float(a) for a in sys.argv[1:5])
uniform = {"critical_value": (float(sys.argv[5]), float(sys.argv[6])), "nu": (float(sys.argv[7]), float(sys.argv[8]))}
truth = {"critical_value": exact, "nu": exact_nu}
rows = list(csv.DictReader(sys.stdin))
print(f"uniform: {uniform_points:.0f} points, {uniform_cs:.3f} core-s")
for q, (u_value, u_se) in uniform.items():
    if not math.isfinite(u_se):
        print(f"{q}: the uniform sweep has no best row")
        continue
    mine = [r for r in rows if r["quantity"] == q]
    print(f"  uniform {q} = {u_value:.6f} +- {u_se:.6f} ({(u_value - truth[q]) / u_se:+.2f} sigma from {truth[q]})")
    if not mine:
        print(f"  refined: no {q} target (its first run had no such best row)")
        continue
    last = mine[-1]
    value, se, points, spent = float(last["value"] or "nan"), float(last["stderr"] or "nan"), last["points"], float(last["core_seconds"])
    at, stop = last["round"], last["stop"]
    print(f"  refined {q} = {value:.6f} +- {se:.6f} ({(value - truth[q]) / se:+.2f} sigma), {points} points,"
          f" {spent:.3f} core-s after round {at}, stop: {stop}")
    reached = next((r for r in mine if r["stderr"] and float(r["stderr"]) <= u_se), None)
    if reached:
        cs, points, at, value, se = float(reached["core_seconds"]), reached["points"], reached["round"], reached["value"], reached["stderr"]
        print(f"  same stderr of {q}: uniform {uniform_cs:.3f} core-s, refined {cs:.3f} core-s ({points} points,"
              f" round {at}, {value} +- {se}): ratio uniform/refined = {uniform_cs / cs:.2f}")
    else:
        print(f"  the refined sweep did not reach the uniform stderr of {q}, {u_se:.6f}, within {3 * uniform_cs:.3f} core-s")
' "$exact" "$exact_nu" "$uniform_cs" "$uniform_points" "$uniform_xc" "$uniform_se" "$uniform_nu" "$uniform_nu_se"
echo "wall: uniform ${uniform_wall} s, refined ${refine_wall} s (Spark start-up and a run + analysis per round included)"
