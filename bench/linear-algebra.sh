#!/usr/bin/env bash
# The engine's linear algebra against the libraries, each in one JVM so that the ratios compare
# like with like (docs/linear-algebra.md quotes them): the max-margin solver's Lawson-Hanson NNLS
# against Breeze's NNLS, its Cholesky update against LAPACK refactoring, its Gram matrix against
# BLAS dsyrk, and LeastSquares' QR against the normal equations it replaced. A few minutes. Not a test: its numbers depend on the machine.
#   bench/linear-algebra.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the engine's classes and test classes, and its test classpath (Breeze is a test dependency)
(cd "$root" && mvn -o -q -B -pl engine test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt)
cp="$root/engine/target/classes:$root/engine/target/test-classes:$(cat "$root/engine/target/test-classpath.txt")"
# the project's JVM options, and jdk.incubator.vector so that dev.ludovic.netlib's BLAS is its
# vectorised Java one (VectorBLAS), the fastest it has here without a native library
for main in io.phasesweep.engine.models.perceptron.MaxMarginBenchmark io.phasesweep.engine.stats.LeastSquaresBenchmark; do
    java @"$root/conf/java17.options" --add-modules=jdk.incubator.vector -cp "$cp" "$main" 2>&1 \
        | grep -v -e '^WARNING: Failed to load implementation' -e 'InstanceBuilder' -e 'incubator'
done
