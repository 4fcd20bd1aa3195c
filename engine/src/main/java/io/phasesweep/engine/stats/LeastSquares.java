package io.phasesweep.engine.stats;

import dev.ludovic.netlib.lapack.LAPACK;
import io.phasesweep.engine.model.Lapack;
import org.netlib.util.intW;

/**
 * Linear least squares y ≈ X·p with known data errors: weighted (independent errors) or generalised
 * (a full covariance matrix, whitened by its Cholesky factor). Parameter errors come from the
 * covariance (XᵀC⁻¹X)⁻¹, not rescaled by χ²/dof: χ² is reported separately as the quality.
 *
 * <p>An adapter over LAPACK (dev.ludovic.netlib, the BLAS/LAPACK Breeze and Spark use): the
 * whitened problem is solved by QR (Householder, dgeqr2), not by the normal equations, so the fit
 * keeps the precision a design of nearly collinear powers of L needs; the covariance is (RᵀR)⁻¹
 * from the same R. Callers see plain arrays only.
 */
public final class LeastSquares {
    /** A column this close (relative to its norm) to the span of the columns before it is dependent on them. */
    private static final double DEPENDENT = 1e-13;

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
        int m = y.length;
        int n = design[0].length;
        double[] ab = new double[m * (n + 1)];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                ab[j * m + i] = design[i][j] / sigma[i];
            }
            ab[n * m + i] = y[i] / sigma[i];
        }
        return whitened(ab, m, n);
    }

    /** @param covariance covariance matrix of y, symmetric positive definite */
    public static Fit generalized(double[][] design, double[] y, double[][] covariance) {
        int m = y.length;
        int n = design[0].length;
        double[] lower = new double[m * m];
        double[] ab = new double[m * (n + 1)];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                lower[j * m + i] = covariance[i][j];
            }
            for (int j = 0; j < n; j++) {
                ab[j * m + i] = design[i][j];
            }
            ab[n * m + i] = y[i];
        }
        LAPACK lapack = Lapack.get();
        intW info = new intW(0);
        lapack.dpotf2("L", m, lower, m, info);
        if (info.val != 0) {
            throw new ArithmeticException("least squares: the covariance is not positive definite (dpotf2 stopped at row "
                    + info.val + ")");
        }
        // whiten design and data together: L [X̃ ỹ] = [X y] (L's diagonal is positive: dpotf2 checked)
        lapack.dtrtrs("L", "N", "N", m, n + 1, lower, m, ab, m, info);
        return whitened(ab, m, n);
    }

    /**
     * Fits the whitened problem stored column-major in {@code ab}: the m×n design, then the data as
     * column n+1 (overwritten).
     */
    private static Fit whitened(double[] ab, int m, int n) {
        double[] columnNorms = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                columnNorms[j] += ab[j * m + i] * ab[j * m + i];
            }
            columnNorms[j] = Math.sqrt(columnNorms[j]);
        }
        LAPACK lapack = Lapack.get();
        intW info = new intW(0);
        // QR of [X̃ ỹ]: its R holds X̃'s R in the first n columns and Qᵀỹ in the last, whose entry n
        // is ±√χ². The unblocked routines throughout: a few columns gain nothing from blocking,
        // and the blocked drivers' tuning queries cost more than such a fit
        lapack.dgeqr2(m, n + 1, ab, m, new double[Math.min(m, n + 1)], new double[n + 1], info);
        for (int j = 0; j < n; j++) {
            // |R_jj| is the distance of column j from the span of the ones before it
            if (j >= m || !(Math.abs(ab[j * m + j]) > DEPENDENT * columnNorms[j])) {
                throw new ArithmeticException("least squares: column " + (j + 1) + " of the " + m + "x" + n
                        + " design is a combination of the ones before it (rank deficient)");
            }
        }
        double[] params = new double[n];
        System.arraycopy(ab, n * m, params, 0, n);
        double chi2 = m > n ? ab[n * m + n] * ab[n * m + n] : 0.0;
        lapack.dtrtrs("U", "N", "N", n, 1, ab, m, params, n, info);
        // (X̃ᵀX̃)⁻¹ = (RᵀR)⁻¹ = R⁻¹R⁻ᵀ: R inverted in place, then multiplied by its transpose
        lapack.dtrti2("U", "N", n, ab, m, info);
        lapack.dlauu2("U", n, ab, m, info);
        double[][] covariance = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                covariance[i][j] = ab[j * m + i];
                covariance[j][i] = ab[j * m + i];
            }
        }
        return new Fit(params, covariance, chi2, m - n);
    }
}
