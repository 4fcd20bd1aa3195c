#!/usr/bin/env bash
# The ising kernels against two baselines of the same algorithms, measured in one run: C references
# and plain-Java reference loops. C, the Java chains and the plain loops (each in its own process)
# alternate for ROUNDS rounds and each figure is the best of its rounds (the machine is shared),
# printed beside the baselines' figures as ratios. Not a test.
#   bench/kernels.sh            # L = 64, 3 s per kernel and round, 3 rounds
#   bench/kernels.sh 256 5 3
# Kernels: metropolis (random sites) and metropolis-checkerboard (ns per attempted flip), wolff (ns per spin added to a
# cluster), metropolis-msc (64 replicas per word, checkerboard, ns per attempted flip of one
# replica). The C sources are bench/c/ising_kernels.c (gcc -O3 -march=native): metropolis and
# wolff with the Java chains' generator (L64X128MixRandom) and bookkeeping; the C-only rows
# metropolis/xoshiro and wolff/xoshiro are the same loops with xoshiro256** and no bookkeeping,
# and metropolis/masks (L a power of two) is metropolis with the neighbours by masks, as the Java
# chain finds them for such L; each is printed beside the Java figure of the chain it stands for.
# The plain-Java loops are PlainIsingLoops in the engine's test sources (the code one writes without
# tuning: a neighbour table, the generator called through its interface, doubles compared; wolff
# with an explicit stack), for metropolis, metropolis-checkerboard and wolff.
# Times are thread CPU time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
length="${1:-64}"
seconds="${2:-3}"
rounds="${3:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -o -q -B -pl engine test-compile)
gcc -O3 -march=native -o "$work/ising_kernels" "$root/bench/c/ising_kernels.c" -lm
cp="$root/engine/target/classes:$root/engine/target/test-classes"

for ((r = 0; r < rounds; r++)); do
    "$work/ising_kernels" "$length" "$seconds" | sed 's/^/c /' >>"$work/all"
    java -cp "$cp" io.phasesweep.engine.models.ising.IsingBenchmark "$length" "$seconds" | sed 's/^/java /' >>"$work/all"
    java -cp "$cp" io.phasesweep.engine.models.ising.IsingBenchmark "$length" "$seconds" plain | sed 's/^/plain /' >>"$work/all"
done

echo "L = $length, best of $rounds rounds, load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
awk '{ key = $1 " " $2; if (!(key in best) || $3 < best[key]) best[key] = $3; if ($1 != "plain") kernels[$2] = 1 }
     END {
       printf "%-24s %10s %10s %9s %10s %11s\n", "kernel", "java ns", "c ns", "java / c", "plain ns", "java / plain"
       for (k in kernels) {
         j = k; sub("/.*", "", j)   # a C-only variant is compared with the Java chain it stands for
         plain = (k == j && ("plain " k) in best)
         printf "%-24s %10.3f %10.3f %9.2f %10s %11s\n", k, best["java " j], best["c " k], best["java " j] / best["c " k],
                plain ? sprintf("%.3f", best["plain " k]) : "-", plain ? sprintf("%.2f", best["java " k] / best["plain " k]) : "-"
       }
     }' "$work/all" | sort
