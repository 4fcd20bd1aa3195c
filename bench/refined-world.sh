#!/usr/bin/env bash
# Calibration of a refined sweep's analysis with a known answer, on the grids its seeds really made
# (engine test resources), filled with a truth. Prints the coverage table: mean pull 0 and rms pull
# 1 when the estimates are unbiased and their error bars honest. Trials in parallel on every core.
# Not a test.
#   bench/refined-world.sh [DRAWS]             # sweeps/ising2d-refine.yaml on its 20 seeds' grids
#                                              # (refined-seeds-grids.csv) with a 2D Ising Binder
#                                              # cumulant of exact T_c, corrections L^(-7/4) and the
#                                              # real chain's noise (RefinedSeedsWorld); first how far
#                                              # each pair crossing is read from its truth. DRAWS per
#                                              # seed, default 3: 60 trials, 3-4 minutes on 2 cores
#   bench/refined-world.sh perceptron [DRAWS]  # sweeps/perceptron-refine.yaml on its seeds' grids
#                                              # (perceptron-refined-grids.csv: sizes, alpha values and
#                                              # replica numbers) with Cover's exact law, alpha_c = 2 and
#                                              # nu = 2 (CoverWorld); DRAWS per seed, default 5
#   bench/refined-world.sh perceptron-refine [TRIALS]
#                                              # the whole refinement of sweeps/perceptron-refine.yaml
#                                              # (rounds, planner, stop rule: WorldRefinement) in
#                                              # Cover's world, each trial its own seed and grid;
#                                              # one line per trial, then the coverage; default 24
#   bench/refined-world.sh ising2d-refine [TRIALS]
#                                              # the same for sweeps/ising2d-refine.yaml in the Binder
#                                              # world above (IsingRefinementBenchmark); default 24
#   bench/refined-world.sh percolation2d-refine [TRIALS]
#                                              # the same for sweeps/percolation2d-refine.yaml in a
#                                              # world of wrapping thresholds with exact p_c and nu
#                                              # and corrections L^-2 (PercolationRefinementBenchmark)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ ${1:-} == percolation2d-refine ]]; then
    main=io.phasesweep.engine.fss.PercolationRefinementBenchmark sweep=sweeps/percolation2d-refine.yaml draws="${2:-24}"
elif [[ ${1:-} == ising2d-refine ]]; then
    main=io.phasesweep.engine.fss.IsingRefinementBenchmark sweep=sweeps/ising2d-refine.yaml draws="${2:-24}"
elif [[ ${1:-} == perceptron-refine ]]; then
    main=io.phasesweep.engine.fss.CoverRefinementBenchmark sweep=sweeps/perceptron-refine.yaml draws="${2:-24}"
elif [[ ${1:-} == perceptron ]]; then
    main=io.phasesweep.engine.fss.CoverWorldBenchmark sweep=sweeps/perceptron-refine.yaml draws="${2:-5}"
else
    main=io.phasesweep.engine.fss.RefinedSeedsWorldBenchmark sweep=sweeps/ising2d-refine.yaml draws="${1:-3}"
fi
cd "$root"
mvn -q -B -pl engine -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt
java -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/test-classpath.txt)" "$main" "$sweep" "$draws"
