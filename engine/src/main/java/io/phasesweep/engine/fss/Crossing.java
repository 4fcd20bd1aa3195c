package io.phasesweep.engine.fss;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Where two curves cross along the control axis, each curve on its own grid. The difference of
 * the two curves, linearly interpolated on the union of both grids inside their common range,
 * locates the sign changes; the chosen one is refined by the root of the difference of two local
 * cubics ({@link LocalPolynomial}), one per curve, around it. A curve crossing a fixed level
 * is the same problem with a flat second curve.
 *
 * <p><b>Which sign change.</b> Noise makes the difference change sign wherever it is small
 * against its errors: in flat tails, and between close control values with few replicas. The
 * crossing is the sign change that best splits the difference into one sign before it and the
 * other after: the one maximising ε·(Σ_before t − Σ_after t), t = d/σ_d the difference in units
 * of its error at each grid value (d itself between exact curves) within the wider curve's
 * transition width of it ({@link #reach}: beyond, the tails' difference is noise), and ε the sign
 * just before it (a change point of the sign). A noise sign change leaves the real crossing's side
 * on the wrong side of the split and scores low, and noise around zero adds as much as it takes.
 * A bootstrap resample's crossing is the full data's moved by the resample ({@link #resampled}),
 * not a sign change of its own. The steepest sign change,
 * chosen before,
 * favoured close control values: on a refined perceptron sweep the two N = 50 and N = 25 points
 * 0.01 apart, with 8 replicas each, differed by 0.5 in opposite directions, and the pair crossing
 * sat there, 1.76, with α_c = 2 (the curves' difference was 3σ positive below and 2σ negative
 * above 1.86).
 *
 * <p>Public for the refinement planner, which reads where the pair crossings are and which
 * points the analysis' cubics read there ({@link #readPoints}).
 */
public final class Crossing {
    /**
     * |t| is capped: beyond 3σ a difference's sign is certain, and an error from two or three
     * replicas can be small by chance (or 0, for a 0/1 observable whose few replicas agree), which
     * must not let one point outweigh all others.
     */
    private static final double MAX_SIGNIFICANCE = 3;

    /**
     * Below this many replicas a point's error rests on too few degrees of freedom: a Poisson
     * bootstrap over n replicas gives (n − 1)/n of a mean's variance, and the variance of 3 replicas
     * (2 degrees of freedom) is below a quarter of the truth one time in five. In issue 14's
     * benchmark (2026-12-06) round 3 sampled L = 32–96 windows with 3 replicas, whose Binder errors at
     * L = 96 came out 2–2.5 times below the per-replica spread 10 replicas show there, and the
     * crossing published 2.26600 ± 0.00081, 3.9 of its error bars below T_c. Public for the refinement
     * planner, which samples new windows with at least this many.
     */
    public static final int FEW_REPLICAS = 4;

    private Crossing() {
    }

    /** @return where curves a and b cross, or NaN when they do not inside their common range */
    public static double of(Curve a, Curve b) {
        double[] xa = a.x();
        double[] ya = a.y();
        double[] xb = b.x();
        double[] yb = b.y();
        double lo = Math.max(xa[0], xb[0]);
        double hi = Math.min(xa[xa.length - 1], xb[xb.length - 1]);
        TreeSet<Double> union = new TreeSet<>();
        Arrays.stream(xa).filter(v -> v >= lo && v <= hi).forEach(union::add);
        Arrays.stream(xb).filter(v -> v >= lo && v <= hi).forEach(union::add);
        double[] g = union.stream().mapToDouble(Double::doubleValue).toArray();
        if (g.length < 2) {
            return Double.NaN;
        }
        boolean exact = a.exact() && b.exact();
        double[] d = new double[g.length];
        double[] t = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            d[i] = linear(xa, ya, g[i]) - linear(xb, yb, g[i]);
            t[i] = exact ? d[i] : significance(d[i], Math.hypot(error(a, g[i]), error(b, g[i])));
        }
        // a crossing is a change of sign between two nonzero differences; zeros between them
        // (curves equal at grid points) belong to it. Curves that coincide and then separate,
        // as saturated 0/1 curves do, touch without crossing.
        double[] cumulative = new double[g.length + 1];
        for (int i = 0; i < g.length; i++) {
            cumulative[i + 1] = cumulative[i] + (Double.isFinite(t[i]) ? t[i] : 0);
        }
        double reach = reach(a, b);
        int bestLo = -1;
        int bestHi = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int previous = -1;
        for (int i = 0; i < g.length; i++) {
            // a value missing from either curve (NaN) says nothing about the sign there
            if (d[i] == 0 || !Double.isFinite(t[i])) {
                continue;
            }
            if (previous >= 0 && (d[previous] > 0) != (d[i] > 0)) {
                double sign = d[previous] > 0 ? 1 : -1;
                int first = 0;
                int end = g.length;
                while (g[first] < g[previous] - reach) {
                    first++;
                }
                while (g[end - 1] > g[i] + reach) {
                    end--;
                }
                double before = cumulative[i] - cumulative[first];
                double after = cumulative[end] - cumulative[i];
                double score = sign * (before - after);
                if (score > bestScore) {
                    bestScore = score;
                    bestLo = previous;
                    bestHi = i;
                }
            }
            previous = i;
        }
        if (bestLo < 0) {
            return Double.NaN;
        }
        double x0 = bestHi == bestLo + 1
                ? g[bestLo] - d[bestLo] * (g[bestHi] - g[bestLo]) / (d[bestHi] - d[bestLo])
                : 0.5 * (g[bestLo + 1] + g[bestHi - 1]);
        double root = local(a, x0).rootOfDifference(local(b, x0));
        // trust the refinement only next to its bracket: far away the cubics are extrapolated
        double from = g[Math.max(0, bestLo - 1)];
        double to = g[Math.min(g.length - 1, bestHi + 1)];
        return root >= from && root <= to ? root : x0;
    }

    /**
     * How far from a sign change the differences that judge it reach: the wider curve's transition
     * width (+∞ when neither curve has one, as for exact curves). Beyond it both curves are within
     * a few per cent of their plateaus, and their difference is noise: on a refined grid, the
     * coarse first grid's 3-replica points, whose errors come out small by chance and whose noise
     * is shared (the same replicas' disorder at every value). Counted, such a tail outweighed the
     * transition in about 5 % of RefinedGridTest's resamples of L = 32–64 (a crossing at 2.15 or
     * 2.45 for 2.27), and moved the full data's crossing as well.
     */
    private static double reach(Curve a, Curve b) {
        double width = Math.max(Double.isFinite(a.width()) ? a.width() : 0, Double.isFinite(b.width()) ? b.width() : 0);
        return width > 0 ? width : Double.POSITIVE_INFINITY;
    }

    /**
     * The crossing of a bootstrap resample's curves a and b, as a deviation from the full data's
     * crossing x0: one Newton step, x0 − Δ_b(x0)/Δ'(x0), Δ_b the difference of the resample's local
     * cubics (through the points the full data's read at x0) and Δ' its slope on the full data,
     * {@link #slopeOfDifference}. A resample that found its own sign change and its own root
     * divided by its own slope, which carries the noise of the full data's cubics and of its own
     * resampling: with the cubic's slope through a few close points uncertain by tens of per cent,
     * the resamples' spread was 1.3–1.5 times the spread of the full data's crossings over trials
     * (RefinedGridTest), and 5–10 % of the resamples took a sign change in a tail.
     */
    static double resampled(Curve a, Curve b, double x0, double fullSlope) {
        return x0 - (local(a, x0).value(x0) - local(b, x0).value(x0)) / fullSlope;
    }

    /**
     * d(a − b)/dx at x0 for the pair's weight: from quadratics fitted, weighted by replicas, to each
     * curve's points within the same window, half the wider curve's transition width around x0
     * ({@link #slopeOfDifference} when a curve has fewer than four points there, or no width). The
     * cubics' slope reads the few points that placed the crossing and shares their noise: a pair
     * whose slope came out steep by chance weighed more, and its crossing moved with it. On the 20
     * refined 2D Ising seeds' grids with a known truth (bench/refined-world.sh, 60 trials) best T_c
     * had a mean pull of −0.34 with the cubics' slopes, −0.13 with these. (Straight lines, each over
     * its own curve's half width, gave −0.05 there, but misjudged a difference a third of either
     * slope: on a real seed they doubled the 32–48 pair's error and put T_c at −4.8σ.)
     */
    static double smoothSlopeOfDifference(Curve a, Curve b, double x0) {
        double half = 0.5 * Math.max(a.width(), b.width());
        double sa = windowSlope(a, x0, half);
        double sb = windowSlope(b, x0, half);
        return Double.isFinite(sa) && Double.isFinite(sb) ? sa - sb : slopeOfDifference(a, b, x0);
    }

    /** The slope at x0 of the quadratic through the curve's points within {@code half} of it; NaN with fewer than four. */
    private static double windowSlope(Curve c, double x0, double half) {
        if (c.exact() || !(half > 0)) {
            return Double.NaN;
        }
        int[] near = IntStream.range(0, c.x().length).filter(i -> Math.abs(c.x()[i] - x0) <= half).toArray();
        if (near.length < 4) {
            return Double.NaN;
        }
        return LocalPolynomial.through(c.x(), c.y(), LocalPolynomial.replicaWeights(c.replicas()), near, x0, 2).slope(x0);
    }

    /** d(a − b)/dx at x0 from the local cubics a crossing reads there. */
    static double slopeOfDifference(Curve a, Curve b, double x0) {
        return local(a, x0).slope(x0) - local(b, x0).slope(x0);
    }

    /**
     * Indices of the points of the curve its local cubic at x0 reads ({@link LocalPolynomial#stencil}:
     * every point within half the transition width when six or more, else the six nearest, fewer
     * where a cubic does not follow them; the four nearest of an exact curve or one without a
     * width). Public for the refinement planner, which raises their replicas.
     */
    public static int[] readPoints(Curve c, double x0) {
        return c.exact() ? LocalPolynomial.nearest(c.x(), x0) : LocalPolynomial.stencil(c, x0);
    }

    /**
     * Why a measured curve cannot give a crossing at x, or null when it can (or has no transition
     * width, as an exact curve): the grid interval holding x wider than the curve's transition
     * width ({@link LocalPolynomial#transitionWidth}), or the values a cubic needs spread too far
     * around x ({@link LocalPolynomial#readable}). The crossing analysis leaves such a size out.
     * Public for the refinement planner, which fills the grid where it is so.
     */
    public static String unreadable(Curve c, double x) {
        double[] xs = c.x();
        double width = c.width();
        if (!Double.isFinite(width)) {
            return null;
        }
        int at = Arrays.binarySearch(xs, x);
        int hi = -at - 1;
        if (at < 0 && (hi <= 0 || hi >= xs.length || xs[hi] - xs[hi - 1] > width)) {
            return String.format(Locale.ROOT, "its grid step there is wider than its transition width %.6g", width);
        }
        return LocalPolynomial.readable(xs, width, x) ? null
                : String.format(Locale.ROOT, "its %d values nearest the crossing span more than %.3g times its transition width %.6g",
                        LocalPolynomial.POINTS, LocalPolynomial.SPAN, width);
    }

    /** The curve's local cubic at x0: fitted where it is measured ({@link LocalPolynomial#fitted}). */
    private static LocalPolynomial local(Curve c, double x0) {
        return c.exact() ? LocalPolynomial.near(c.x(), c.y(), x0) : LocalPolynomial.fitted(c, x0);
    }

    /** A curve's error at x, linearly interpolated: 0 for an exact curve. */
    private static double error(Curve c, double at) {
        return c.exact() ? 0.0 : linear(c.x(), c.error(), at);
    }

    /**
     * d in units of its error, capped; its sign alone (about one error) where the error is unknown
     * (one replica).
     */
    private static double significance(double d, double sigma) {
        if (Double.isNaN(sigma)) {
            return Math.signum(d);
        }
        double t = sigma > 0 ? d / sigma : Math.signum(d) * MAX_SIGNIFICANCE;
        return Math.max(-MAX_SIGNIFICANCE, Math.min(MAX_SIGNIFICANCE, t));
    }

    /** Where a curve crosses a fixed level; NaN when it does not inside its range. */
    static double level(Curve c, double level) {
        double[] flat = new double[c.x().length];
        Arrays.fill(flat, level);
        return of(c, Curve.exact(c.x(), flat));
    }

    /** Linear interpolation inside [x₀, x_last], x ascending. */
    static double linear(double[] x, double[] y, double at) {
        int i = Arrays.binarySearch(x, at);
        if (i >= 0) {
            return y[i];
        }
        int hiIdx = -i - 1;
        int loIdx = hiIdx - 1;
        double f = (at - x[loIdx]) / (x[hiIdx] - x[loIdx]);
        return y[loIdx] + f * (y[hiIdx] - y[loIdx]);
    }
}
