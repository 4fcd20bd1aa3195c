package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.LeastSquares;
import org.apache.commons.math3.distribution.FDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
     * How many points {@link #stencil} gives a cubic where the grid is not denser, when a cubic
     * follows them: two more than it has parameters, so that it averages noise instead of
     * interpolating it. Through exactly four points, two of them close
     * (a late window's value 0.0005 beside an early window's on RefinedGridTest's L = 64 grid), the
     * cubic's slope is noise, and so is the crossing's root; fitted to six, the spread of the pair
     * crossings over trials fell by a third (L = 32–64: 0.0021 to 0.0014) and that of the
     * crossings' x_c from 0.00127 to 0.0008 ({@link #stencil}).
     */
    static final int FITTED_POINTS = POINTS + 2;

    static LocalPolynomial near(double[] x, double[] y, double x0) {
        return through(x, y, nearest(x, x0), x0, DEGREE);
    }

    /**
     * The cubic a crossing reads at x0 on a grid of uneven density and replicas: fitted by least
     * squares, weighted by the replicas averaged at each point, to the points {@link #stencil}
     * picks. Interpolating through the four nearest points of a densely refined grid instead
     * reads four close points with equal say whatever their replicas: on the refined perceptron
     * sweep, two of N = 25's with 8 replicas beside many with 125–146, so its crossing followed
     * their noise. The weights are the replica counts, not 1/error²: over half a transition
     * width a replica's variance changes little, while an error from two or three replicas is
     * itself uncertain by half or more (the refined 2D Ising sweep's early rounds have 1–3 per
     * point), and 1/error² let the points whose error came out small by chance steer the fit.
     */
    static LocalPolynomial fitted(Curve c, double x0) {
        return fit(c.x(), c.y(), c.replicas(), stencil(c, x0), x0);
    }

    private static LocalPolynomial fit(double[] x, double[] y, int[] replicas, int[] points, double x0) {
        return through(x, y, replicaWeights(replicas), points, x0, DEGREE);
    }

    /**
     * The points {@link #fitted} reads at x0, chosen on the full data ({@link Curve#full}) so that
     * every resample reads the same ones (re-picked per resample, the estimate would jump and the
     * bootstrap of a non-smooth statistic under-states its error). The first of these whose cubic
     * follows its points ({@link #MISFIT_P_VALUE}): every point within half the curve's transition
     * width of x0 when they are {@link #FITTED_POINTS} or more (a cubic describes a sigmoid closely
     * over ± half of it: tanh over |z| ≤ 0.55; over the whole width, ± 1.1, it missed
     * SweepAnalysisTest's level crossing, off the centre, by more than 4 of its error bars on a grid
     * of step 0.3 in z); the {@link #FITTED_POINTS} nearest, which a grid that samples the transition
     * a few times per width gets (every uniform window grid of the calibration and the shipped
     * sweeps); five; the {@link #POINTS} nearest, through which the cubic passes. The transition
     * width is the distance between the control values where the curve, linearly interpolated,
     * crosses a quarter and three quarters of its range, so it scales as L^(−1/ν) without ν being
     * known. The {@link #POINTS} nearest of a curve without a width.
     *
     * <p>Why the fit is judged: the six nearest
     * points of a grid coarse or lopsided at x0 reach into the sigmoid's shoulder, which no cubic
     * follows. In issue 14's benchmark (docs/refine.md, "The benchmark's failure on 2026-12-06")
     * L = 64's six nearest spanned −2.9/L … +5.4/L around the Binder crossing and the cubic missed
     * its points by 25 of their errors (residual χ² 1178 on 2 dof); three pairs came out 0.007–0.013
     * low together, a bias the bootstrap cannot see, since it resamples points the biased cubic
     * goes through. The uniform sweep's six nearest had residual χ² 0.2–4.7.
     */
    static int[] stencil(Curve c, double x0) {
        double[] x = c.x();
        if (!Double.isFinite(c.width())) {
            return nearest(x, x0, POINTS);
        }
        List<int[]> candidates = new ArrayList<>();
        int[] half = within(x, x0, 0.5 * c.width(), x.length);
        if (half.length >= FITTED_POINTS) {
            candidates.add(half);
        }
        for (int n = FITTED_POINTS; n > POINTS; n--) {
            candidates.add(nearest(x, x0, n));
        }
        for (int[] points : candidates) {
            if (followsItsPoints(c, points, x0)) {
                return points;
            }
        }
        return nearest(x, x0, POINTS);
    }

    /** Below this p-value of its residuals, a cubic is taken not to describe the points it is fitted to. */
    static final double MISFIT_P_VALUE = 0.01;

    /**
     * Whether the cubic fitted on the full data to {@code points} follows them: the p-value of its
     * residuals is {@link #MISFIT_P_VALUE} or more (true with no degree of freedom left or no error
     * known). Each point's variance is a per-replica variance pooled over the points, divided by
     * its replicas: the points' own errors from two or three replicas are uncertain by half or
     * more, and one that came out small by chance (a 3-replica Binder value deep in the ordered phase
     * in that benchmark: 0.000045) makes a sound cubic look hundreds of its errors off. Points
     * without an error (one replica) add nothing to the pool. The pooled variance is itself
     * estimated, from Σ(replicas − 1) degrees of freedom, so (χ²/dof) is judged against an F
     * distribution, not χ²: with six points of 2–3 replicas a χ² test rejected a correct cubic in
     * 3–6 % of curves at a nominal 1 % (review, 2026-12-06).
     */
    private static boolean followsItsPoints(Curve c, int[] points, double x0) {
        LocalPolynomial cubic = fit(c.x(), c.full(), c.replicas(), points, x0);
        return misfit(c.x(), c.full(), c.error(), c.replicas(), points, cubic) == 1;
    }

    /**
     * How far a polynomial fitted to the indexed points (weighted by their replicas) misses them:
     * √(χ²/dof) when the p-value of its residuals is below {@link #MISFIT_P_VALUE} (NaN when it is
     * not a number), else 1 (also with no degree of freedom left or no error known). Each point's
     * variance is the per-replica variance pooled over the points, divided by its replicas (see
     * {@link #followsItsPoints}), and χ²/dof is judged against an F distribution.
     */
    static double misfit(double[] x, double[] y, double[] error, int[] replicas, int[] points, LocalPolynomial fitted) {
        int dof = points.length - fitted.c.length;
        double pooled = 0;
        double pooledDof = 0;
        for (int i : points) {
            double e = error[i];
            if (replicas[i] > 1 && Double.isFinite(e)) {
                pooled += (replicas[i] - 1) * replicas[i] * e * e;
                pooledDof += replicas[i] - 1;
            }
        }
        if (dof < 1 || !(pooled > 0)) {
            return 1;
        }
        double perReplica = pooled / pooledDof;
        double chi2 = 0;
        for (int i : points) {
            double r = y[i] - fitted.value(x[i]);
            chi2 += replicas[i] * r * r / perReplica;
        }
        // NaN (a NaN or infinite χ²) is no pass: the fit is not taken to follow its points
        double p = 1 - new FDistribution(dof, pooledDof).cumulativeProbability(chi2 / dof);
        return p >= MISFIT_P_VALUE ? 1 : Math.sqrt(chi2 / dof);
    }

    /**
     * The widest span, in transition widths, of the {@link #POINTS} values nearest a crossing that
     * a cubic may be read through ({@link #readable}).
     */
    static final double SPAN = 2.0;

    /**
     * Whether the curve is sampled finely enough at x0 for a cubic there: its {@link #POINTS}
     * nearest values span at most {@link #SPAN} transition widths (true when the width is unknown:
     * an exact curve or one that does not cross its quarter and three-quarter levels). The four
     * nearest values of a coarse first grid (5 temperatures over [2.0, 2.6]) span 0.45, about three
     * transition widths of L = 16; a cubic through them passes each point and no check of its fit
     * is possible, and on issue 14's refined 2D Ising sweep the first round's best T_c, read so,
     * was 2.211 ± 0.0055, ten of its errors low. A window grid of 11 values over ± 3/L
     * (CalibrationTest: 1.8 values per width) spans at most 1.6 widths, the quick sweep's 1.3.
     */
    static boolean readable(double[] x, double width, double x0) {
        if (!Double.isFinite(width)) {
            return true;
        }
        double[] nearest = Arrays.stream(nearest(x, x0, POINTS)).mapToDouble(i -> x[i]).toArray();
        return Arrays.stream(nearest).max().orElse(0) - Arrays.stream(nearest).min().orElse(0) <= SPAN * width;
    }

    /** Indices of the at most {@code most} points nearest x0 that lie within {@code distance} of it. */
    private static int[] within(double[] x, double x0, double distance, int most) {
        return Arrays.stream(nearest(x, x0, most)).filter(i -> Math.abs(x[i] - x0) <= distance).toArray();
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
