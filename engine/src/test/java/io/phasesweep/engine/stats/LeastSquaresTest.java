package io.phasesweep.engine.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LeastSquaresTest {
    private static final double[][] LINE = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};

    @Test
    void straightLineWithKnownCovariance() {
        double[] y = {1.1, 2.9, 5.1, 6.9};
        double[] sigma = {0.5, 0.5, 0.5, 0.5};
        LeastSquares.Fit f = LeastSquares.weighted(LINE, y, sigma);
        // textbook: slope = Sxy/Sxx = 9.8/5 = 1.96, intercept = ȳ − slope·x̄ = 4 − 2.94;
        // Var slope = σ²/Sxx = 0.25/5, Var intercept = σ²(1/n + x̄²/Sxx) = 0.25·(0.25 + 0.45)
        assertArrayEquals(new double[]{1.06, 1.96}, f.params(), 1e-12);
        assertEquals(Math.sqrt(0.05), f.error(1), 1e-12);
        assertEquals(Math.sqrt(0.175), f.error(0), 1e-12);
        assertEquals(2, f.dof());
        // χ² from the residuals of the textbook line
        double chi2 = 0;
        for (int i = 0; i < 4; i++) {
            double r = (y[i] - 1.06 - 1.96 * i) / 0.5;
            chi2 += r * r;
        }
        assertEquals(chi2, f.chi2(), 1e-12);
    }

    @Test
    void generalizedWithDiagonalCovarianceIsWeighted() {
        double[] y = {0.3, 1.2, 1.8, 3.3};
        double[] sigma = {0.1, 0.2, 0.3, 0.4};
        double[][] cov = new double[4][4];
        for (int i = 0; i < 4; i++) {
            cov[i][i] = sigma[i] * sigma[i];
        }
        LeastSquares.Fit w = LeastSquares.weighted(LINE, y, sigma);
        LeastSquares.Fit g = LeastSquares.generalized(LINE, y, cov);
        assertArrayEquals(w.params(), g.params(), 1e-12);
        assertEquals(w.chi2(), g.chi2(), 1e-12);
        assertEquals(w.error(1), g.error(1), 1e-12);
    }

    @Test
    void correlatedMeanOfTwo() {
        // GLS mean of two measurements with variances 1, 4 and covariance 1: weights C⁻¹1 ∝ (3, 0),
        // so the first measurement alone, with variance 1
        LeastSquares.Fit f = LeastSquares.generalized(new double[][]{{1}, {1}}, new double[]{2, 5},
                new double[][]{{1, 1}, {1, 4}});
        assertEquals(2.0, f.params()[0], 1e-12);
        assertEquals(1.0, f.error(0), 1e-12);
    }

    /**
     * A power law with a correction of small exponent, y = L + L^(1−ω) exactly: its two columns
     * are nearly collinear, so the normal equations (condition number squared) lost 1.9e-9 of the
     * parameters at ω = 0.001; QR keeps them to rounding.
     */
    @Test
    void nearlyCollinearColumnsKeepTheirPrecision() {
        Problem p = correctedPowerLaw(0.001);
        LeastSquares.Fit f = LeastSquares.weighted(p.design(), p.y(), p.sigma());
        assertArrayEquals(new double[]{1, 1}, f.params(), 1e-12);
        assertEquals(0.0, f.chi2(), 1e-20);
    }

    /** A weighted least-squares problem. */
    record Problem(double[][] design, double[] y, double[] sigma) {
    }

    /** y = L + L^(1−ω) exactly at L = 1, 2, …, 32, unit errors: the true parameters are (1, 1). */
    static Problem correctedPowerLaw(double omega) {
        double[][] x = new double[6][];
        double[] y = new double[6];
        double[] sigma = new double[6];
        for (int k = 0; k < 6; k++) {
            double l = Math.pow(2, k);
            x[k] = new double[]{l, Math.pow(l, 1 - omega)};
            y[k] = x[k][0] + x[k][1];
            sigma[k] = 1;
        }
        return new Problem(x, y, sigma);
    }

    @Test
    void aDependentColumnIsAnError() {
        double[][] twice = {{1, 2}, {2, 4}, {3, 6}};
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> LeastSquares.weighted(twice, new double[]{1, 2, 3}, new double[]{1, 1, 1}));
        assertEquals("least squares: column 2 of the 3x2 design is a combination of the ones before it (rank deficient)",
                e.getMessage());
    }

    @Test
    void aCovarianceThatIsNotPositiveDefiniteIsAnError() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> LeastSquares.generalized(
                new double[][]{{1}, {1}}, new double[]{2, 5}, new double[][]{{1, 2}, {2, 1}}));
        assertEquals("least squares: the covariance is not positive definite (dpotf2 stopped at row 2)", e.getMessage());
    }
}
