package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.LeastSquares;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A quadratic fitted to the few points of a curve nearest to x₀, written around x₀:
 * p(x) = c₀ + c₁(x − x₀) + c₂(x − x₀)². Curves are smooth on the scale of a few grid steps, so a
 * local quadratic reads off values, slopes and peaks between grid points without the bias of the
 * nearest grid point, and on any grid (each size its own). With fewer points the degree drops.
 *
 * @param c coefficients c₀, c₁, c₂ (c₂ = 0 when fitted with a line)
 */
record LocalPolynomial(double x0, double[] c) {

    /** Points used by default: four, one more than a quadratic needs, so noise is smoothed a little. */
    static final int POINTS = 4;

    static LocalPolynomial near(double[] x, double[] y, double x0, int points) {
        int[] nearest = IntStream.range(0, x.length).boxed()
                .sorted(Comparator.comparingDouble(i -> Math.abs(x[i] - x0)))
                .limit(points).mapToInt(Integer::intValue).toArray();
        return through(x, y, nearest, x0);
    }

    /** Fits the points with the given indices, centred at x₀. */
    static LocalPolynomial through(double[] x, double[] y, int[] indices, double x0) {
        int degree = Math.min(2, indices.length - 1);
        double[][] design = new double[indices.length][degree + 1];
        double[] yy = new double[indices.length];
        double[] sigma = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            double t = x[indices[k]] - x0;
            for (int d = 0; d <= degree; d++) {
                design[k][d] = Math.pow(t, d);
            }
            yy[k] = y[indices[k]];
            sigma[k] = 1.0;
        }
        double[] c = Arrays.copyOf(LeastSquares.weighted(design, yy, sigma).params(), 3);
        return new LocalPolynomial(x0, c);
    }

    double value(double x) {
        double t = x - x0;
        return c[0] + t * (c[1] + t * c[2]);
    }

    double slope(double x) {
        return c[1] + 2 * c[2] * (x - x0);
    }

    /** The root of p(x) − q(x) nearest x₀, or NaN when there is none. */
    double rootOfDifference(LocalPolynomial q) {
        double shift = q.x0 - x0;
        // q written around x0: q(x) = q0 + q1 (t − shift) + q2 (t − shift)²
        double d0 = c[0] - (q.c[0] - q.c[1] * shift + q.c[2] * shift * shift);
        double d1 = c[1] - (q.c[1] - 2 * q.c[2] * shift);
        double d2 = c[2] - q.c[2];
        double t;
        if (Math.abs(d2) < 1e-12 * (Math.abs(d1) + Math.abs(d0))) {
            t = -d0 / d1;
        } else {
            double disc = d1 * d1 - 4 * d2 * d0;
            if (disc < 0) {
                return Double.NaN;
            }
            double sq = Math.sqrt(disc);
            double t1 = (-d1 + sq) / (2 * d2);
            double t2 = (-d1 - sq) / (2 * d2);
            t = Math.abs(t1) < Math.abs(t2) ? t1 : t2;
        }
        return x0 + t;
    }
}
