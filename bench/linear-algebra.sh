#!/usr/bin/env bash
# The engine's linear algebra against the libraries, each in one JVM so that the ratios compare
# like with like (docs/linear-algebra.md quotes them): the max-margin solver's Lawson-Hanson NNLS
# against Breeze's NNLS, its Cholesky update against LAPACK refactoring, and LeastSquares' QR
# against the normal equations it replaced. Not a test: its numbers depend on the machine.
#   bench/linear-algebra.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the engine's classes and test classes, and its test classpath (Breeze is a test dependency)
(cd "$root" && mvn -o -q -B -pl engine test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt)
cp="$root/engine/target/classes:$root/engine/target/test-classes:$(cat "$root/engine/target/test-classpath.txt")"
# the project's JVM options: with jdk.incubator.vector, dev.ludovic.netlib uses its vectorised Java BLAS
for main in io.phasesweep.engine.models.perceptron.MaxMarginBenchmark io.phasesweep.engine.stats.LeastSquaresBenchmark; do
    java @"$root/conf/java17.options" -cp "$cp" "$main" 2>&1 | grep -v -e '^WARNING: Failed to load implementation' -e 'InstanceBuilder'
done
