package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.LeastSquares;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Weighted fit of a size-dependent location, x*(L) = x_c + a·L^(−e): the drift of pair crossings
 * (e = 1/ν + ω) or of peak positions (e = 1/ν). Linear in (x_c, a) at fixed e, so χ²(e) is
 * minimised over e alone: a scan over [{@link #MIN_EXPONENT}, {@link #MAX_EXPONENT}] (log-spaced)
 * then Brent's method around the best scan point.
 *
 * @param xc       the L → ∞ limit
 * @param exponent the fitted e
 */
record ShiftFit(double xc, double amplitude, double exponent, double chi2, int dof) {

    static final double MIN_EXPONENT = 0.2;
    static final double MAX_EXPONENT = 5.0;

    /** How a design is fitted to the locations: by their independent errors, or by their covariance. */
    private interface Solver {
        LeastSquares.Fit solve(double[][] design, double[] location);
    }

    /** Needs at least three sizes. */
    static ShiftFit fit(double[] sizes, double[] location, double[] sigma) {
        return fit(sizes, location, (design, y) -> LeastSquares.weighted(design, y, sigma));
    }

    /**
     * The fit by generalised least squares with the locations' covariance: pair crossings that
     * share a size are correlated (negatively when adjacent: a size's curve read high moves its two
     * crossings apart), and a χ² that ignores it takes their zigzag for misfit.
     */
    static ShiftFit correlated(double[] sizes, double[] location, double[][] covariance) {
        return fit(sizes, location, (design, y) -> LeastSquares.generalized(design, y, covariance));
    }

    private static ShiftFit fit(double[] sizes, double[] location, Solver solver) {
        int scan = 24;
        double ratio = Math.pow(MAX_EXPONENT / MIN_EXPONENT, 1.0 / (scan - 1));
        double best = MIN_EXPONENT;
        double bestChi2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < scan; i++) {
            double e = MIN_EXPONENT * Math.pow(ratio, i);
            double c = linear(sizes, location, solver, e).chi2();
            if (c < bestChi2) {
                bestChi2 = c;
                best = e;
            }
        }
        double lo = Math.max(MIN_EXPONENT, best / ratio);
        double hi = Math.min(MAX_EXPONENT, best * ratio);
        UnivariatePointValuePair min = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(200), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(e -> linear(sizes, location, solver, e).chi2()),
                new SearchInterval(lo, hi, best));
        double e = min.getValue() <= bestChi2 ? min.getPoint() : best;
        LeastSquares.Fit f = linear(sizes, location, solver, e);
        return new ShiftFit(f.params()[0], f.params()[1] * Math.pow(sizes[0], e), e, f.chi2(), sizes.length - 3);
    }

    /** The fit at a known exponent e: linear in (x_c, a), two parameters. */
    static ShiftFit fixed(double[] sizes, double[] location, double[] sigma, double e) {
        return fixed(sizes, location, (design, y) -> LeastSquares.weighted(design, y, sigma), e);
    }

    /** {@link #fixed} with the locations' covariance ({@link #correlated}). */
    static ShiftFit fixedCorrelated(double[] sizes, double[] location, double[][] covariance, double e) {
        return fixed(sizes, location, (design, y) -> LeastSquares.generalized(design, y, covariance), e);
    }

    private static ShiftFit fixed(double[] sizes, double[] location, Solver solver, double e) {
        LeastSquares.Fit f = linear(sizes, location, solver, e);
        return new ShiftFit(f.params()[0], f.params()[1] * Math.pow(sizes[0], e), e, f.chi2(), sizes.length - 2);
    }

    /** The fitted exponent is off the bounds of its search range. */
    boolean inside() {
        return exponent > MIN_EXPONENT * 1.001 && exponent < MAX_EXPONENT / 1.001;
    }

    /** The fit with the drift term written a'·(L/L₀)^(−e), a' = a·L₀^(−e), L₀ the first size. */
    private static LeastSquares.Fit linear(double[] sizes, double[] location, Solver solver, double e) {
        double[][] design = new double[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            // relative to L₀, the column stays of order one: L^(−e) itself is ~1e-18 for L = 4000,
            // e = 5, and the normal equations would be numerically singular
            design[i] = new double[]{1.0, Math.pow(sizes[i] / sizes[0], -e)};
        }
        return solver.solve(design, location);
    }
}
