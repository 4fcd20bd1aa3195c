package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.LeastSquares;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A low-order polynomial through the few points of a curve nearest to x₀, written around x₀:
 * p(x) = Σ c_k (x − x₀)^k. Curves are smooth on the scale of a few grid steps, so a local
 * polynomial reads off values, slopes, crossings and peaks between grid points without the bias of
 * the nearest grid point, and on any grid (each size its own). With fewer points the degree drops.
 *
 * @param c coefficients c₀, c₁, … in powers of (x − x₀)
 */
record LocalPolynomial(double x0, double[] c) {

    /**
     * Values, slopes and crossings use the cubic through the 4 nearest points: it interpolates with
     * an error O(h⁴) (a quadratic fitted to them leaves O(h³), which is not small against the
     * statistical error of a crossing on a window of ~10 points), and at the centre it passes noise
     * with a gain below one (weights −1/16, 9/16, 9/16, −1/16 on an even grid).
     */
    static final int POINTS = 4;
    static final int DEGREE = 3;
    /**
     * The fewest points {@link #fitted} fits its cubic to: two more than it has parameters, so that
     * it averages noise instead of interpolating it. Through exactly four points, two of them close
     * (a late window's value 0.0005 beside an early window's on RefinedGridTest's L = 64 grid), the
     * cubic's slope is noise, and so is the crossing's root; fitted to six, the spread of the pair
     * crossings over trials fell by a third (L = 32–64: 0.0021 to 0.0014) and that of the
     * crossings' x_c from 0.00127 to 0.0008.
     */
    static final int FITTED_POINTS = POINTS + 2;

    static LocalPolynomial near(double[] x, double[] y, double x0) {
        return through(x, y, nearest(x, x0), x0, DEGREE);
    }

    /**
     * The cubic a crossing reads at x0 on a grid of uneven density and replicas: fitted by least
     * squares, weighted by the replicas averaged at each point, to every point within half the
     * curve's transition width of x0
     * when that holds {@link #FITTED_POINTS} points or more; else to the {@link #FITTED_POINTS}
     * nearest, which is what a grid that samples the transition a few times per width gets (every
     * uniform window grid of the calibration and the shipped sweeps). The
     * transition width is the distance between the control values where the curve, linearly
     * interpolated, crosses a quarter and three quarters of its range, so it scales as L^(−1/ν)
     * without ν being known; a cubic describes a sigmoid closely over ± half of it (tanh over
     * |z| ≤ 0.55; over the whole width, ± 1.1, it missed SweepAnalysisTest's level crossing,
     * off the centre, by more than 4 of its error bars on a grid of step 0.3 in z). Interpolating through the four
     * nearest points of a densely refined grid instead
     * reads four close points with equal say whatever their replicas: on the refined perceptron
     * sweep, two of N = 25's with 8 replicas beside many with 125–146, so its crossing followed
     * their noise. The weights are the replica counts, not 1/error²: over half a transition
     * width a replica's variance changes little, while an error from two or three replicas is
     * itself uncertain by half or more (the refined 2D Ising sweep's early rounds have 1–3 per
     * point), and 1/error² let the points whose error came out small by chance steer the fit.
     *
     * @param replicas the replicas averaged at each point
     * @param width    the curve's transition width on the full data (NaN: unknown), so that every
     *                 resample fits the same points
     */
    static LocalPolynomial fitted(double[] x, double[] y, int[] replicas, double width, double x0) {
        return through(x, y, replicaWeights(replicas), stencil(x, width, x0), x0, DEGREE);
    }

    /**
     * The points {@link #fitted} reads: those within half the transition width of x0 when they are
     * {@link #FITTED_POINTS} or more, else the {@link #FITTED_POINTS} nearest; the {@link #POINTS}
     * nearest when the width is unknown.
     */
    static int[] stencil(double[] x, double width, double x0) {
        double half = 0.5 * width;
        if (Double.isFinite(half)) {
            int[] in = IntStream.range(0, x.length).filter(i -> Math.abs(x[i] - x0) <= half).toArray();
            return in.length >= FITTED_POINTS ? in : nearest(x, x0, FITTED_POINTS);
        }
        return nearest(x, x0, POINTS);
    }

    /** σ ∝ 1/√replicas: a point's weight is the replicas it averages. */
    static double[] replicaWeights(int[] replicas) {
        return Arrays.stream(replicas).mapToDouble(n -> 1 / Math.sqrt(n)).toArray();
    }

    /**
     * The distance between the outermost control values where the linearly interpolated curve
     * crosses a quarter and three quarters of its range; NaN when it does not cross both.
     */
    static double transitionWidth(double[] x, double[] y) {
        double low = Arrays.stream(y).min().orElse(Double.NaN);
        double high = Arrays.stream(y).max().orElse(Double.NaN);
        if (!(high > low)) {
            return Double.NaN;
        }
        double from = Double.POSITIVE_INFINITY;
        double to = Double.NEGATIVE_INFINITY;
        for (double level : new double[]{low + 0.25 * (high - low), low + 0.75 * (high - low)}) {
            for (int i = 1; i < x.length; i++) {
                if ((y[i - 1] - level) * (y[i] - level) <= 0 && y[i] != y[i - 1]) {
                    double at = x[i - 1] + (level - y[i - 1]) * (x[i] - x[i - 1]) / (y[i] - y[i - 1]);
                    from = Math.min(from, at);
                    to = Math.max(to, at);
                }
            }
        }
        return to > from ? to - from : Double.NaN;
    }

    /** Indices of the {@link #POINTS} grid points nearest x0. */
    static int[] nearest(double[] x, double x0) {
        return nearest(x, x0, POINTS);
    }

    private static int[] nearest(double[] x, double x0, int points) {
        return IntStream.range(0, x.length).boxed()
                .sorted(Comparator.comparingDouble(i -> Math.abs(x[i] - x0)))
                .limit(points).mapToInt(Integer::intValue).toArray();
    }

    /** Least-squares polynomial of the given degree (lower with too few points) through the indexed points. */
    static LocalPolynomial through(double[] x, double[] y, int[] indices, double x0, int maxDegree) {
        return through(x, y, null, indices, x0, maxDegree);
    }

    /** The same weighted by 1/σ² (σ null: equal weights). */
    static LocalPolynomial through(double[] x, double[] y, double[] e, int[] indices, double x0, int maxDegree) {
        int degree = Math.min(maxDegree, indices.length - 1);
        // fit in u = (x − x₀)/h, h the farthest point: windows of width 1e-3 would otherwise make
        // the normal equations look singular (entries ~h⁶)
        double h = 0;
        for (int i : indices) {
            h = Math.max(h, Math.abs(x[i] - x0));
        }
        h = h > 0 ? h : 1.0;
        double[][] design = new double[indices.length][degree + 1];
        double[] yy = new double[indices.length];
        double[] sigma = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            double u = (x[indices[k]] - x0) / h;
            for (int d = 0; d <= degree; d++) {
                design[k][d] = Math.pow(u, d);
            }
            yy[k] = y[indices[k]];
            sigma[k] = e == null ? 1.0 : e[indices[k]];
        }
        double[] c = LeastSquares.weighted(design, yy, sigma).params();
        for (int d = 1; d <= degree; d++) {
            c[d] /= Math.pow(h, d);
        }
        return new LocalPolynomial(x0, c);
    }

    double value(double x) {
        double t = x - x0;
        double v = 0;
        for (int d = c.length - 1; d >= 0; d--) {
            v = v * t + c[d];
        }
        return v;
    }

    double slope(double x) {
        double t = x - x0;
        double v = 0;
        for (int d = c.length - 1; d >= 1; d--) {
            v = v * t + d * c[d];
        }
        return v;
    }

    /** Coefficient of (x − x₀)^d, 0 above the fitted degree. */
    double coefficient(int d) {
        return d < c.length ? c[d] : 0.0;
    }

    /** The root of p(x) − q(x) reached by Newton's method from x₀, or NaN when it does not converge. */
    double rootOfDifference(LocalPolynomial q) {
        double x = x0;
        for (int i = 0; i < 50; i++) {
            double f = value(x) - q.value(x);
            double df = slope(x) - q.slope(x);
            if (df == 0 || !Double.isFinite(f / df)) {
                return Double.NaN;
            }
            double step = f / df;
            x -= step;
            if (Math.abs(step) <= 1e-13 * Math.max(1.0, Math.abs(x))) {
                return x;
            }
        }
        return Double.NaN;
    }
}
