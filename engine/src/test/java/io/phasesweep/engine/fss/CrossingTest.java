package io.phasesweep.engine.fss;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossingTest {

    private static double[] grid(double from, double step, int n) {
        return IntStream.range(0, n).mapToDouble(i -> from + i * step).toArray();
    }

    @Test
    void linesOnDifferentGridsCrossExactly() {
        double[] xa = grid(2.0, 0.1, 7);
        double[] xb = grid(2.05, 0.07, 8);
        double[] ya = IntStream.range(0, xa.length).mapToDouble(i -> 1 - 2 * (xa[i] - 2.3)).toArray();
        double[] yb = IntStream.range(0, xb.length).mapToDouble(i -> 1 - 5 * (xb[i] - 2.3)).toArray();
        // local quadratics reproduce lines exactly: only rounding error remains
        assertEquals(2.3, Crossing.of(Curve.exact(xa, ya), Curve.exact(xb, yb)), 1e-12);
    }

    @Test
    void aMissingValueFarAwayDoesNotLoseTheCrossing() {
        double[] x = grid(2.0, 0.1, 7);
        double[] ya = IntStream.range(0, x.length).mapToDouble(i -> 1 - 2 * (x[i] - 2.3)).toArray();
        double[] yb = IntStream.range(0, x.length).mapToDouble(i -> 1 - 5 * (x[i] - 2.3)).toArray();
        // a derived observable can be 0/0 at one value (a Binder ratio where <m²> = 0): before, one NaN
        // made every candidate's score NaN and the crossing NaN
        ya[0] = Double.NaN;
        assertEquals(2.3, Crossing.of(Curve.exact(x, ya), Curve.exact(x, yb)), 1e-12);
    }

    @Test
    void quadraticsCrossAtTheRootBetweenGridPoints() {
        double[] xa = grid(1.2, 0.15, 12);
        double[] xb = grid(1.25, 0.2, 9);
        double[] ya = IntStream.range(0, xa.length).mapToDouble(i -> (xa[i] - 1) * (xa[i] - 1)).toArray();
        double[] yb = IntStream.range(0, xb.length).mapToDouble(i -> 0.5 + 0.2 * xb[i]).toArray();
        // (x − 1)² = 0.5 + 0.2x has the root (2.2 + √2.84)/2 in range; quadratics are fitted exactly
        assertEquals((2.2 + Math.sqrt(2.84)) / 2, Crossing.of(Curve.exact(xa, ya), Curve.exact(xb, yb)), 1e-10);
    }

    /**
     * A Binder-like curve crosses in its shoulder (2D Ising: U* ≈ 0.61 of a 0–2/3 range; the shape
     * of CrossingAnalysisTest's binderLike), where a cubic through points far on one side cannot
     * follow it. The grids are those issue 14's refined benchmark had after a few rounds
     * (docs/refine.md): the coarse first grid with 3 replicas, and a window 2.22–2.30 with 49 at
     * L = 48 and 64, the larger size's six nearest values reaching past a gap to 2.35, 5.2/L above
     * the crossing. Noise-free values with the errors of their replicas: the six-point cubic of
     * L = 64 misses its points by many errors and put the crossing 0.0027 low (with noise, the
     * bootstrap resamples the points it goes through and does not see that); the stencil whose
     * cubic follows its points reads it 0.0009 high, a cubic's interpolation error over steps of
     * 1.3/L, where this pair's statistical error would be about 0.001.
     */
    @Test
    void aCrossingInTheShoulderIsNotReadByACubicThatMissesItsPoints() {
        double xc = 2.269;
        double[] window = {2.0, 2.15, 2.22, 2.24, 2.26, 2.28, 2.30, 2.35, 2.45, 2.6};
        double crossing = Crossing.of(binderLike(window, 48, xc), binderLike(window, 64, xc));
        assertEquals(xc, crossing, 0.0012);
    }

    /** (2/3)/(1 + exp((z − 4)/1.5)), z = (x − x_c)·L, without noise, its errors those of its replicas. */
    private static Curve binderLike(double[] x, int size, double xc) {
        double[] y = new double[x.length];
        double[] error = new double[x.length];
        int[] replicas = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (2.0 / 3) / (1 + Math.exp(((x[i] - xc) * size - 4) / 1.5));
            replicas[i] = x[i] >= 2.22 && x[i] <= 2.30 ? 49 : 3;
            error[i] = 0.002 * Math.pow(Math.max(2.0 / 3 - y[i], 0) / 0.055, 0.75) / Math.sqrt(replicas[i]);
        }
        return Curve.measured(x, y, error, replicas);
    }

    @Test
    void parallelCurvesDoNotCross() {
        double[] x = grid(0, 0.1, 10);
        double[] ya = IntStream.range(0, 10).mapToDouble(i -> x[i]).toArray();
        double[] yb = IntStream.range(0, 10).mapToDouble(i -> x[i] + 1).toArray();
        assertTrue(Double.isNaN(Crossing.of(Curve.exact(x, ya), Curve.exact(x, yb))));
    }

    @Test
    void saturatedCurvesThatSeparateDoNotCross() {
        // the perceptron's sat at two sizes: both exactly 1 at low load, then apart, never crossing
        double[] x = {1.6, 1.7, 1.8, 1.9, 2.0, 2.1};
        double[] ya = {1, 1, 0.81, 0.56, 0.19, 0.06};
        double[] yb = {1, 1, 0.88, 0.69, 0.31, 0.12};
        assertTrue(Double.isNaN(Crossing.of(Curve.exact(x, ya), Curve.exact(x, yb))));
        assertTrue(Double.isNaN(Crossing.of(Curve.exact(x, yb), Curve.exact(x, ya))));
    }

    @Test
    void curvesEqualAtAGridPointCrossThereOnlyWhenTheSignChanges() {
        double[] x = {0, 1, 2, 3, 4};
        double[] ya = {0, 1, 2, 3, 4};
        double[] yb = {1, 2, 2, 2, 3};
        // difference -1, -1, 0, +1, +1: the lines meet exactly at x = 2
        assertEquals(2.0, Crossing.of(Curve.exact(x, ya), Curve.exact(x, yb)), 1e-12);
        double[] yc = {1, 1.5, 2, 3.5, 4.5};
        // difference -1, -0.5, 0, -0.5, -0.5: the curves touch at x = 2 without crossing
        assertTrue(Double.isNaN(Crossing.of(Curve.exact(x, ya), Curve.exact(x, yc))));
    }

    @Test
    void levelCrossingOfSmoothCurve() {
        double[] x = grid(-0.5, 0.1, 13);
        double[] y = IntStream.range(0, x.length).mapToDouble(i -> -Math.tanh(3 * (x[i] - 0.33))).toArray();
        // a quadratic through 4 points of tanh(3x) with step 0.1 is off by O((3h)³/6) ≈ 5e-3 in y,
        // i.e. below 2e-3 in x where the slope is 3
        assertEquals(0.33, Crossing.level(Curve.exact(x, y), 0.0), 2e-3);
    }

    @Test
    void theSignChangeThatSplitsTheDifferenceIsTheCrossingNotATailWiggle() {
        double[] x = grid(0, 0.05, 41);
        // a: steep step through 1.0 (slope 4); b: flat 0.5 plus a gentle bump (slope ≤ 1.3) that
        // crosses a's flat tail twice around 0.2, like noise crossing in a tail
        double[] ya = IntStream.range(0, x.length).mapToDouble(i -> 0.5 - 0.4 * Math.tanh(10 * (x[i] - 1.0))).toArray();
        double[] yb = IntStream.range(0, x.length)
                .mapToDouble(i -> 0.5 + 0.45 * Math.exp(-20 * (x[i] - 0.2) * (x[i] - 0.2))).toArray();
        // this test is about which sign change is chosen; a cubic through 4 points of a tanh
        // sampled at half its width is good to a fraction of the step (0.05), not better
        assertEquals(1.0, Crossing.of(Curve.exact(x, ya), Curve.exact(x, yb)), 0.01, "the tanh midpoint");
    }

    /**
     * Tails that outvote the transition: two sigmoids crossing at 1.0 (transition widths 0.11 and
     * 0.22) whose plateaus differ by 0.02 at errors of 0.01, below 0.5 one way and above 1.5 the
     * other, as a coarse grid's few-replica points sharing their replicas' disorder do. Counted over
     * the whole range, the tails' six points on each side made the sign changes at 0.55 and 1.45 score
     * 24 against the real one's −1; within the wider transition width of each sign change the real
     * one scores 18, the tails' 14.5.
     */
    @Test
    void plateausThatDifferByNoiseDoNotOutvoteTheTransition() {
        double[] x = grid(0, 0.1, 21);
        double[] ya = new double[x.length];
        double[] yb = new double[x.length];
        double[] error = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double tail = x[i] < 0.55 ? -0.02 : x[i] > 1.45 ? 0.02 : 0;
            ya[i] = 0.5 - 0.5 * Math.tanh((x[i] - 1) / 0.1) + tail;
            yb[i] = 0.5 - 0.5 * Math.tanh((x[i] - 1) / 0.2);
            error[i] = tail == 0 ? 0.005 : 0.007;
        }
        int[] replicas = IntStream.range(0, x.length).map(i -> 10).toArray();
        double crossing = Crossing.of(Curve.measured(x, ya, error, replicas),
                Curve.measured(x, yb, error, replicas));
        assertEquals(1.0, crossing, 0.02, "the transition's sign change, not a tail's");
    }

    /**
     * The refined perceptron sweep's pair N = 25, 50 (sweeps/perceptron-refine.yaml, rounds 0–5):
     * two close control values with 8 replicas each, where noise flips the difference, below a
     * crossing the many-replica points place near 1.9. The steepest sign change (the rule before)
     * was the flip at 1.755, 0.01 wide.
     */
    @Test
    void aNoiseFlipBetweenCloseFewReplicaPointsIsNotTheCrossing() {
        double[] xa = {1.5, 1.75, 1.76, 1.78, 1.8, 1.82, 1.84, 1.85, 1.86, 1.88, 1.9, 1.95, 2.0, 2.05, 2.25, 2.5};
        double[] ya = {1.0, 0.625, 0.75, 0.760, 0.760, 0.719, 0.719, 0.740, 0.75, 0.75, 0.72, 0.664, 0.52, 0.375, 0, 0};
        double[] ea = {0, 0.125, 0.164, 0.035, 0.035, 0.037, 0.037, 0.036, 0.164, 0.164, 0.040, 0.042, 0.045, 0.183, 0, 0};
        double[] xb = {1.5, 1.75, 1.76, 1.78, 1.8, 1.82, 1.84, 1.85, 1.86, 1.88, 1.9, 1.92, 1.94, 1.95, 1.96, 2.0, 2.25, 2.5};
        double[] yb = {1.0, 1.0, 0.625, 0.875, 0.871, 0.824, 0.809, 0.742, 0.739, 0.703, 0.689, 0.689, 0.660, 0.524, 0.625,
                0.231, 0, 0};
        double[] eb = {0, 0, 0.183, 0.021, 0.021, 0.024, 0.025, 0.027, 0.042, 0.044, 0.046, 0.046, 0.047, 0.112, 0.183, 0.122,
                0, 0};
        int[] na = {8, 16, 8, 146, 146, 146, 146, 146, 8, 8, 125, 125, 125, 8, 8, 8};
        int[] nb = {8, 8, 8, 256, 256, 256, 256, 256, 111, 111, 103, 103, 103, 21, 8, 13, 8, 8};
        double x = Crossing.of(Curve.measured(xa, ya, ea, na),
                Curve.measured(xb, yb, eb, nb));
        assertTrue(x > 1.84 && x < 2.0, "crossing " + x + ": not the flip between 1.75 and 1.76");
    }

    @Test
    void peakOfGaussianBetweenGridPoints() {
        // positive values: the parabola is fitted to log y, exact for a Gaussian peak
        double[] x = grid(0.5, 0.1, 15);
        double[] y = IntStream.range(0, x.length).mapToDouble(i -> 3 * Math.exp(-2 * (x[i] - 1.234) * (x[i] - 1.234))).toArray();
        SizeScaling.Peak p = SizeScaling.Peak.of(x, y);
        assertEquals(1.234, p.location(), 1e-10);
        assertEquals(3.0, p.height(), 1e-10);
        assertTrue(!p.atEdge());
    }

    @Test
    void peakOfParabolaThroughZeroIsFittedInY() {
        // a window with values at or below zero has no logarithm: the parabola is fitted to y, exact here
        double[] x = grid(0.5, 0.1, 15);
        double[] y = IntStream.range(0, x.length).mapToDouble(i -> 0.01 - 2 * (x[i] - 1.234) * (x[i] - 1.234)).toArray();
        SizeScaling.Peak p = SizeScaling.Peak.of(x, y);
        assertEquals(1.234, p.location(), 1e-10);
        assertEquals(0.01, p.height(), 1e-10);
    }
}
