package io.phasesweep.engine.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Linear least squares y ≈ X·p with known data errors: weighted (independent errors) or generalised
 * (a full covariance matrix, whitened by its Cholesky factor). Parameter errors come from the
 * covariance (XᵀC⁻¹X)⁻¹, not rescaled by χ²/dof: χ² is reported separately as the quality.
 */
public final class LeastSquares {
    private LeastSquares() {
    }

    /** Fitted parameters, their covariance, χ² and degrees of freedom. */
    public record Fit(double[] params, double[][] covariance, double chi2, int dof) {
        public double error(int i) {
            return Math.sqrt(covariance[i][i]);
        }

        /** χ²/dof, NaN when the fit is exactly determined (dof = 0). */
        public double chi2PerDof() {
            return dof > 0 ? chi2 / dof : Double.NaN;
        }
    }

    /** @param sigma one-standard-deviation error of each y, all positive */
    public static Fit weighted(double[][] design, double[] y, double[] sigma) {
        int n = y.length;
        double[][] a = new double[n][];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = design[i].clone();
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] /= sigma[i];
            }
            b[i] = y[i] / sigma[i];
        }
        return whitened(MatrixUtils.createRealMatrix(a), MatrixUtils.createRealVector(b));
    }

    /** @param covariance covariance matrix of y, symmetric positive definite */
    public static Fit generalized(double[][] design, double[] y, double[][] covariance) {
        RealMatrix lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(covariance), 1e-10, 0)
                .getL();
        DecompositionSolver whiten = new LUDecomposition(lower).getSolver();
        return whitened(whiten.solve(new Array2DRowRealMatrix(design)),
                whiten.solve(MatrixUtils.createRealVector(y)));
    }

    private static Fit whitened(RealMatrix a, RealVector b) {
        RealMatrix normal = a.transpose().multiply(a);
        RealMatrix cov = new LUDecomposition(normal).getSolver().getInverse();
        RealVector p = cov.operate(a.transpose().operate(b));
        RealVector r = b.subtract(a.operate(p));
        return new Fit(p.toArray(), cov.getData(), r.dotProduct(r), a.getRowDimension() - a.getColumnDimension());
    }
}
