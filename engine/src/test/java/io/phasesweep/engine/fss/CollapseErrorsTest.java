package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollapseErrorsTest {
    private static final int REPLICAS = 8;
    private static final double[] X = {2.14, 2.175, 2.206, 2.238, 2.269, 2.3, 2.332, 2.363, 2.394};

    /** log e = −9 + 2.5 u − 0.4 u², u the position in [−1, 1]: a decade and a half across the window, as the 2D Ising Binder errors. */
    private static double truth(int i) {
        double u = 2.0 * i / (X.length - 1) - 1;
        return Math.exp(-9 + 2.5 * u - 0.4 * u * u);
    }

    /** An error from n replicas: the truth times √(χ²_{n−1}/(n−1)). */
    private static double drawn(double truth, RandomGenerator rng) {
        double chi2 = 0;
        for (int k = 0; k < REPLICAS - 1; k++) {
            double z = rng.nextGaussian();
            chi2 += z * z;
        }
        return truth * Math.sqrt(chi2 / (REPLICAS - 1));
    }

    /**
     * Over 400 curves of 9 points, the smoothed errors lie nearer the truth than the drawn ones, and
     * not below it on average. A drawn log error scatters by 1/√14 = 0.27 and lies 0.075 low on
     * average, a mean square of 0.077; the quadratic's three coefficients from nine points leave about
     * a third of the variance, 0.024. Asserted: below half the drawn mean square. The mean log ratio
     * to the truth is 0 within 0.03, over 3600 points whose smoothed log errors scatter by about 0.16,
     * correlated in nines (an error of the mean of about 0.006, so 0.03 is 5 of them); without the
     * log correction it would be −0.075.
     */
    @Test
    void smoothedErrorsLieNearerTheTruthAndNotBelowIt() {
        RandomGenerator rng = Seeds.generator(7);
        int[] replicas = new int[X.length];
        Arrays.fill(replicas, REPLICAS);
        double raw2 = 0;
        double smooth2 = 0;
        double smoothMean = 0;
        int n = 0;
        for (int curve = 0; curve < 400; curve++) {
            double[] e = new double[X.length];
            for (int i = 0; i < X.length; i++) {
                e[i] = drawn(truth(i), rng);
            }
            double[] s = CollapseErrors.smoothed(X, e, replicas);
            for (int i = 0; i < X.length; i++) {
                double r = Math.log(e[i] / truth(i));
                double d = Math.log(s[i] / truth(i));
                raw2 += r * r;
                smooth2 += d * d;
                smoothMean += d;
                n++;
            }
        }
        assertTrue(smooth2 < 0.5 * raw2, "mean square log error: smoothed " + smooth2 / n + ", drawn " + raw2 / n);
        assertEquals(0, smoothMean / n, 0.03, "mean log(smoothed/truth)");
    }

    /** Errors that fall by four decades onto a plateau are no quadratic in x: the size keeps its own. */
    @Test
    void errorsTheQuadraticDoesNotDescribeAreKept() {
        double[] e = {1e-7, 1e-7, 1e-7, 1e-7, 1e-3, 2e-3, 2e-3, 1e-3, 1e-7};
        int[] replicas = new int[X.length];
        Arrays.fill(replicas, REPLICAS);
        assertArrayEquals(e, CollapseErrors.smoothed(X, e, replicas));
    }

    /** Fewer than six points with an error (one replica: NaN; all replicas equal: 0) fix no quadratic worth its three coefficients. */
    @Test
    void fewPointsWithAnErrorKeepTheirOwn() {
        double[] e = {Double.NaN, 1e-4, 2e-4, 0, 4e-4, 5e-4, 0, 1e-3, Double.NaN};
        int[] replicas = {1, 8, 8, 8, 8, 8, 8, 8, 1};
        assertArrayEquals(e, CollapseErrors.smoothed(X, e, replicas));
    }
}
