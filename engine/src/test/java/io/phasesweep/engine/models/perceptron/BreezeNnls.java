package io.phasesweep.engine.models.perceptron;

import breeze.linalg.DenseMatrix$mcD$sp;
import breeze.linalg.DenseVector$mcD$sp;
import breeze.optimize.linear.NNLS;

import java.util.Arrays;

/**
 * Breeze's NNLS (projected conjugate gradient; spark-mllib-local, a test dependency) on the max-margin
 * solver's problem, in the same Gram form as {@link MaxMarginSolver#nnls}: minimise ½uᵀGu − 1ᵀu
 * over u ≥ 0. Plain arrays in and out; the Scala types stay here.
 */
final class BreezeNnls {
    private BreezeNnls() {
    }

    static double[] solve(double[][] g) {
        int p = g.length;
        double[] columnMajor = new double[p * p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < p; i++) {
                columnMajor[j * p + i] = g[i][j];
            }
        }
        double[] ones = new double[p];
        Arrays.fill(ones, 1.0);
        Object u = new NNLS(-1).minimize(new DenseMatrix$mcD$sp(p, p, columnMajor), new DenseVector$mcD$sp(ones));
        return ((DenseVector$mcD$sp) u).data$mcD$sp();
    }
}
