#!/usr/bin/env bash
# Calibration of the refined sweep's analysis with a known answer: sweeps/ising2d-refine.yaml's
# analysis on the grids its 20 seeds really made (engine test resource refined-seeds-grids.csv),
# filled with a 2D Ising Binder cumulant of exact T_c, corrections L^(-7/4) and the real chain's
# noise (RefinedSeedsWorld). Prints how far each pair crossing is read from its truth, then the
# coverage table of T_c and nu: mean pull 0 and rms pull 1
# when the estimates are unbiased and their error bars honest. About 6 s per trial on one core,
# trials in parallel: 60 trials take 3-4 minutes on 2 cores. Not a test.
#   bench/refined-world.sh [DRAWS]     # DRAWS per seed, default 3 (60 trials)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
draws="${1:-3}"
cd "$root"
mvn -o -q -B -pl engine -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt
java -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/test-classpath.txt)" \
    io.phasesweep.engine.fss.RefinedSeedsWorldBenchmark sweeps/ising2d-refine.yaml "$draws"
