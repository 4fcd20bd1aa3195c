package io.phasesweep.engine.fss;

import java.util.Arrays;
import java.util.TreeSet;

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
 * of its error at each grid value (d itself between exact curves) and ε the sign just before it
 * (a change point of the sign). A noise sign change leaves the real crossing's side on the wrong
 * side of the split and scores low, and noise around zero adds as much as it takes. Every
 * resample's crossing is found by the same rule (the sign change nearest the full data's, taken
 * before, hid the others a noisy difference has, and their spread). The steepest sign change,
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
        double total = 0;
        for (double v : t) {
            total += Double.isFinite(v) ? v : 0;
        }
        int bestLo = -1;
        int bestHi = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        double before = 0;
        int previous = -1;
        for (int i = 0; i < g.length; i++) {
            // a value missing from either curve (NaN) says nothing about the sign there
            if (d[i] == 0 || !Double.isFinite(t[i])) {
                continue;
            }
            if (previous >= 0 && (d[previous] > 0) != (d[i] > 0)) {
                double sign = d[previous] > 0 ? 1 : -1;
                double score = sign * (before - (total - before));
                if (score > bestScore) {
                    bestScore = score;
                    bestLo = previous;
                    bestHi = i;
                }
            }
            before += t[i];
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
     * Indices of the points of the curve its local cubic at x0 reads ({@link LocalPolynomial#stencil}:
     * every point within half the transition width when more than four, else the four nearest; an
     * exact curve's four nearest). Public for the refinement planner, which raises their replicas.
     */
    public static int[] readPoints(Curve c, double x0) {
        return c.exact() ? LocalPolynomial.nearest(c.x(), x0) : LocalPolynomial.stencil(c.x(), c.width(), x0);
    }

    /** The curve's local cubic at x0: fitted where it is measured ({@link LocalPolynomial#fitted}). */
    private static LocalPolynomial local(Curve c, double x0) {
        return c.exact() ? LocalPolynomial.near(c.x(), c.y(), x0) : LocalPolynomial.fitted(c.x(), c.y(), c.replicas(), c.width(), x0);
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
