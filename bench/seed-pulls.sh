#!/usr/bin/env bash
# Calibration on real data: one sweep run with many seeds, and the best rows' pulls
# (value - exact) / stderr over the seeds, which measure whether the error bars hold (an honest
# estimate has mean pull 0, rms pull 1, 68 % of the seeds within 1 stderr and 95 % within 2).
# Not a test: a run of the README's first command takes a minute or two, 36 of them an hour.
#   bench/seed-pulls.sh run SWEEP OUTROOT SEED...   # SWEEP with `seed: SEED`, into OUTROOT/qSEED
#   bench/seed-pulls.sh analyze OUTROOT COPYROOT [SEED...]
#   bench/seed-pulls.sh pulls [-v] DIR QUANTITY=EXACT...
# run: each seed's folder is written under a temporary name and renamed to qSEED once complete,
# so a qSEED present is a complete run (others may read OUTROOT meanwhile); an existing qSEED is
# skipped. Console output: OUTROOT/.log-qSEED.
# analyze: copies the run record of every OUTROOT/qSEED (raw, runs, and rounds when refined; not
# the analysis tables) to COPYROOT/qSEED once, then re-analyses the copy with this checkout's
# ./phasesweep analyze (again on every call: a new build judged on the same raw rows). The data
# folders themselves are never written.
# pulls: over DIR/q*, the best row of each quantity (critical_value from boundaries, an exponent
# from exponents by its quantity name); -v lists every seed. Exact values for the README's first
# command: critical_value=2.269185314 nu=1 gamma/nu=1.75
# Each folder's boundaries and exponents are read once through ./phasesweep show --csv (10 s of
# Spark each) and kept beside the folder's tables as .seed-pulls-TABLE.csv, read again until the
# table changes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ps() { "$root/phasesweep" "$@"; }
usage() {
    sed -n '6,8s/^#   //p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

# the seeds of OUTROOT's complete runs, in numeric order
seeds_in() {
    find "$1" -maxdepth 1 -type d -name 'q[0-9]*' -printf '%f\n' | sed 's/^q//' | grep -E '^[0-9]+$' | sort -n
}

run_seeds() {
    local sweep=$1 out=$2 seed tmp
    shift 2
    [[ -f $sweep ]] || { echo "no sweep file $sweep" >&2; exit 2; }
    grep -q '^seed: ' "$sweep" || { echo "$sweep has no top-level 'seed:' line to replace" >&2; exit 2; }
    mkdir -p "$out"
    for seed in "$@"; do
        [[ $seed =~ ^[0-9]+$ ]] || { echo "seed $seed is not a non-negative integer" >&2; exit 2; }
        if [[ -d $out/q$seed ]]; then
            echo "q$seed: exists, skipped"
            continue
        fi
        tmp="$out/.tmp-q$seed"
        rm -rf "$tmp"
        sed "s/^seed: .*/seed: $seed/" "$sweep" >"$out/.sweep-q$seed.yaml"
        local start=$SECONDS
        if ps run "$out/.sweep-q$seed.yaml" --out "$tmp" --quiet >"$out/.log-q$seed" 2>&1; then
            mv "$tmp" "$out/q$seed"
            # a refined run prints no points line: its last round's stop reason instead
            echo "q$seed: $(grep -m1 ' points: ' "$out/.log-q$seed" || grep -o 'stop: [a-z_]*' "$out/.log-q$seed" | tail -1 || true)" \
                "($((SECONDS - start)) s with the analysis)"
        else
            echo "q$seed: failed, see $out/.log-q$seed (the partial folder is $tmp)" >&2
        fi
    done
}

analyze_copies() {
    local out=$1 copies=$2 seed table start
    shift 2
    local seeds=("$@")
    [[ ${#seeds[@]} -gt 0 ]] || mapfile -t seeds < <(seeds_in "$out")
    mkdir -p "$copies"
    for seed in "${seeds[@]}"; do
        [[ -d $out/q$seed ]] || { echo "q$seed: no $out/q$seed" >&2; continue; }
        if [[ ! -d $copies/q$seed ]]; then
            rm -rf "$copies/.tmp-q$seed"
            mkdir -p "$copies/.tmp-q$seed"
            for table in raw runs rounds; do
                [[ -d $out/q$seed/$table ]] && cp -r "$out/q$seed/$table" "$copies/.tmp-q$seed/"
            done
            mv "$copies/.tmp-q$seed" "$copies/q$seed"
        fi
        start=$SECONDS
        if ps analyze "$copies/q$seed" >"$copies/.analyze-q$seed.log" 2>&1; then
            echo "q$seed: analysed ($((SECONDS - start)) s)"
        else
            echo "q$seed: analyze failed, see $copies/.analyze-q$seed.log" >&2
        fi
    done
}

# DIR/.seed-pulls-TABLE.csv, the table as `show --csv` prints it, made again when the table changed
table_csv() {
    local dir=$1 table=$2
    local csv="$dir/.seed-pulls-$table.csv"
    if [[ ! -f $csv || -n $(find "$dir/$table" -newer "$csv" -print -quit) ]]; then
        ps show "$dir" "$table" --csv >"$csv.tmp" 2>/dev/null || { rm -f "$csv.tmp"; return 1; }
        mv "$csv.tmp" "$csv"
    fi
    echo "$csv"
}

pulls() {
    local verbose=0
    [[ ${1:-} == -v ]] && { verbose=1; shift; }
    [[ $# -ge 2 ]] || usage
    local dir=$1 seed
    shift
    local listing=() boundaries exponents
    for seed in $(seeds_in "$dir"); do
        if [[ -d $dir/q$seed/boundaries && -d $dir/q$seed/exponents ]] \
                && boundaries="$(table_csv "$dir/q$seed" boundaries)" && exponents="$(table_csv "$dir/q$seed" exponents)"; then
            listing+=("$seed" "$boundaries" "$exponents")
        else
            echo "q$seed: no boundaries and exponents tables that show can read, left out" >&2
        fi
    done
    python3 - "$verbose" "$#" "$@" "${listing[@]}" <<'EOF'
import csv, math, sys
from collections import Counter

verbose, n = int(sys.argv[1]), int(sys.argv[2])
exact = {}
for a in sys.argv[3:3 + n]:
    q, _, v = a.partition("=")
    exact[q] = (float(v), v)
rest = sys.argv[3 + n:]
seeds = [(rest[i], rest[i + 1], rest[i + 2]) for i in range(0, len(rest), 3)]

def rows(path, quantity):
    with open(path, newline="") as f:
        return [r for r in csv.DictReader(f) if quantity == "critical_value" or r["quantity"] == quantity]

def flags(r):
    return [f.strip() for f in r["flags"].strip("[]").split(",") if f.strip()]

def mean_se(v):
    m = sum(v) / len(v)
    sd = math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1)) if len(v) > 1 else float("nan")
    return m, sd / math.sqrt(len(v)), sd

print(f"{len(seeds)} analysed seeds")
for q, (x, written) in exact.items():
    column = "critical_value" if q == "critical_value" else "value"
    found, seen, lines = [], Counter(), []
    for seed, boundaries, exponents in seeds:
        rs = rows(boundaries if q == "critical_value" else exponents, q)
        mains = [r for r in rs if r["method"] != "best" and r["variant"] == "main"]
        marks = [f"{r['method']}:{r['observable']}:{f}" for r in mains for f in flags(r)]
        seen.update(marks)
        best = next((r for r in rs if r["method"] == "best"), None)
        if best is None:
            lines.append(f"  q{seed:<9} no best row        {' '.join(marks) or '-'}")
            continue
        value, se = float(best[column]), float(best["stderr"])
        pull = (value - x) / se if se > 0 else float("nan")
        found.append((value, se, pull))
        lines.append(f"  q{seed:<9} {value:.6g} ± {se:.3g}  pull {pull:+.2f}  {' '.join(marks) or '-'}")
    print(f"\n{q} (exact {written}): {len(found)}/{len(seeds)} seeds with a best row")
    if verbose:
        print("\n".join(lines))
    pulls = [p for _, _, p in found if math.isfinite(p)]
    if pulls:
        m, m_se, _ = mean_se(pulls)
        rms = math.sqrt(sum(p * p for p in pulls) / len(pulls))
        w1 = sum(abs(p) <= 1 for p in pulls) / len(pulls)
        w2 = sum(abs(p) <= 2 for p in pulls) / len(pulls)
        d, d_se, spread = mean_se([v - x for v, _, _ in found])
        median = sorted(se for _, se, _ in found)[len(found) // 2]
        print(f"  mean pull {m:+.2f} ± {m_se:.2f}, rms pull {rms:.2f}, within 1σ {w1:.2f}, within 2σ {w2:.2f}"
              f"  (honest: 0, 1, 0.68, 0.95)")
        print(f"  value − exact {d:+.3g} ± {d_se:.2g}, spread {spread:.3g}, median stderr {median:.3g}")
    print("  flags of the methods' main rows: "
          + (", ".join(f"{k} {c}" for k, c in sorted(seen.items())) if seen else "none"))
EOF
}

case "${1:-}" in
    run) [[ $# -ge 4 ]] || usage; shift; run_seeds "$@" ;;
    analyze) [[ $# -ge 3 ]] || usage; shift; analyze_copies "$@" ;;
    pulls) shift; pulls "$@" ;;
    *) usage ;;
esac
