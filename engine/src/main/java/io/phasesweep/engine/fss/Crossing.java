package io.phasesweep.engine.fss;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Where two curves cross along the control axis, each curve on its own grid. The difference of
 * the two curves, linearly interpolated on the union of both grids inside their common range,
 * locates the sign changes; the chosen one is refined by the root of the difference of two local
 * cubics ({@link LocalPolynomial}), one per curve, around it. A curve crossing a fixed level
 * is the same problem with a flat second curve. Public for the refinement planner, which reads
 * where the pair crossings are to know which points the analysis' cubics read.
 */
public final class Crossing {
    private Crossing() {
    }

    /**
     * @param hint NaN on the full data: then the sign change where the difference is steepest (the
     *             crossing of curves that separate on both sides, not noise in a flat tail); on a
     *             resample, the full-data crossing, and the sign change nearest to it is taken
     * @return the crossing, or NaN when the curves do not cross inside their common range
     */
    public static double of(double[] xa, double[] ya, double[] xb, double[] yb, double hint) {
        double lo = Math.max(xa[0], xb[0]);
        double hi = Math.min(xa[xa.length - 1], xb[xb.length - 1]);
        TreeSet<Double> union = new TreeSet<>();
        Arrays.stream(xa).filter(v -> v >= lo && v <= hi).forEach(union::add);
        Arrays.stream(xb).filter(v -> v >= lo && v <= hi).forEach(union::add);
        double[] g = union.stream().mapToDouble(Double::doubleValue).toArray();
        if (g.length < 2) {
            return Double.NaN;
        }
        double[] d = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            d[i] = linear(xa, ya, g[i]) - linear(xb, yb, g[i]);
        }
        // a crossing is a change of sign between two nonzero differences; zeros between them
        // (curves equal at grid points) belong to it. Curves that coincide and then separate,
        // as saturated 0/1 curves do, touch without crossing.
        int bestLo = -1;
        int bestHi = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int previous = -1;
        for (int i = 0; i < g.length; i++) {
            if (d[i] == 0) {
                continue;
            }
            if (previous >= 0 && (d[previous] > 0) != (d[i] > 0)) {
                double mid = 0.5 * (g[previous] + g[i]);
                double score = Double.isNaN(hint) ? Math.abs(d[i] - d[previous]) / (g[i] - g[previous]) : -Math.abs(mid - hint);
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
        double root = LocalPolynomial.near(xa, ya, x0)
                .rootOfDifference(LocalPolynomial.near(xb, yb, x0));
        // trust the refinement only next to its bracket: far away the cubics are extrapolated
        double from = g[Math.max(0, bestLo - 1)];
        double to = g[Math.min(g.length - 1, bestHi + 1)];
        return root >= from && root <= to ? root : x0;
    }

    /** Where a curve crosses a fixed level; NaN when it does not inside its range. */
    static double level(double[] x, double[] y, double level, double hint) {
        double[] flat = new double[x.length];
        Arrays.fill(flat, level);
        return of(x, y, x, flat, hint);
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
