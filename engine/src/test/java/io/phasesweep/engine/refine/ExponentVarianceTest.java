package io.phasesweep.engine.refine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exponent's variance model against the crossings', on sizes with equal data per replica. */
class ExponentVarianceTest {
    private static final List<Integer> SIZES = List.of(8, 12, 16, 24, 32, 48);

    private static List<SizeVariance> sampled(List<Integer> sizes) {
        return sizes.stream().map(size -> new SizeVariance(size, 1, 0.5, 10, true, 1)).toList();
    }

    /**
     * The replicas ising2d-refine's rounds 4–6 left per read value at L = 8–48 (73d8935): the
     * crossings' model (drift e = 1/ν + ω = 2.75) still rates a replica at L = 32 above one at L = 12;
     * for the slope's exponent, with the same ω, L = 32 sits in the middle of the lever arm and
     * its 107 replicas already pin it, so a replica there removes under a tenth of what one at
     * L = 12 or 48 removes.
     */
    @Test
    void anExponentNeedsTheLeverArmNotTheLargestPairs() {
        double[] n = {10, 10, 10, 32, 107, 37};
        ExponentVariance exponent = new ExponentVariance(sampled(SIZES), 1.75);
        VarianceModel crossings = new VarianceModel(sampled(SIZES), true, 1, 2.75);
        assertTrue(removed(exponent::variance, n, 4) < removed(exponent::variance, n, 1) / 10,
                removed(exponent::variance, n, 4) + " vs " + removed(exponent::variance, n, 1));
        assertTrue(removed(exponent::variance, n, 4) < removed(exponent::variance, n, 5) / 10);
        assertTrue(removed(crossings::variance, n, 4) > removed(crossings::variance, n, 1),
                "the crossings' model prefers L = 32: " + removed(crossings::variance, n, 4) + " vs " + removed(crossings::variance, n, 1));
    }

    /**
     * Without a correction the exponent is the slope of a straight line in ln L: at equal replicas
     * the two ends gain most, the middle least, and the variance is the textbook 1/Σ w·(ln L − mean)².
     */
    @Test
    void withoutACorrectionTheEndsOfTheLeverArmGainMost() {
        double[] n = {10, 10, 10, 10, 10, 10};
        ExponentVariance exponent = new ExponentVariance(sampled(SIZES), Double.NaN);
        double mean = SIZES.stream().mapToDouble(Math::log).average().orElseThrow();
        double spread = SIZES.stream().mapToDouble(size -> 10 * Math.pow(Math.log(size) - mean, 2)).sum();
        double withoutSmallest = SIZES.subList(1, 6).stream().mapToDouble(size -> 10 * Math.pow(Math.log(size)
                - SIZES.subList(1, 6).stream().mapToDouble(Math::log).average().orElseThrow(), 2)).sum();
        assertEquals(1 / spread + 1 / withoutSmallest, exponent.variance(n), 1e-12);
        for (int middle : new int[]{2, 3}) {
            assertTrue(removed(exponent::variance, n, 0) > removed(exponent::variance, n, middle));
            assertTrue(removed(exponent::variance, n, 5) > removed(exponent::variance, n, middle));
        }
    }

    /**
     * A size whose window is not sampled counts for nothing (a coarse curve's slope is the grid's),
     * and below four sampled sizes the fit is the plain one, as the analysis makes it
     * ({@link io.phasesweep.engine.fss.PowerLaw#MIN_SIZES}): two sampled sizes determine p with or
     * without ω, one does not.
     */
    @Test
    void unsampledSizesDetermineNothing() {
        List<SizeVariance> sizes = List.of(new SizeVariance(8, 1, 0.5, 10, true, 1), new SizeVariance(16, 1, 0.5, 10, true, 1),
                new SizeVariance(32, 1, 0.5, 10, false, 1));
        double[] n = {10, 10, 10};
        double plain = 1 / (10 * Math.pow(Math.log(8) - Math.log(16), 2) / 2);
        assertEquals(plain, new ExponentVariance(sizes, 1.75).variance(n), 1e-12);
        assertEquals(plain, new ExponentVariance(sizes, Double.NaN).variance(n), 1e-12);
        assertEquals(0, removed(new ExponentVariance(sizes, Double.NaN)::variance, n, 2), 0);
        List<SizeVariance> one = List.of(sizes.get(0), sizes.get(2));
        assertTrue(Double.isInfinite(new ExponentVariance(one, Double.NaN).variance(new double[]{10, 10})));
    }

    /** The corrected fit's variance of p is the (1, 1) element of the inverse normal matrix, as a general inverse gives it. */
    @Test
    void theCorrectedVarianceIsTheInverseNormalMatrixElement() {
        double[] n = {10, 14, 10, 32, 107, 37};
        List<SizeVariance> sizes = sampled(SIZES);
        double[] expected = new double[2];
        for (int from = 0; from < 2; from++) {
            double[][] m = new double[3][3];
            for (int i = from; i < SIZES.size(); i++) {
                double[] x = {1, Math.log(SIZES.get(i)), Math.pow(SIZES.get(i), -1.75)};
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 3; k++) {
                        m[j][k] += x[j] * x[k] * n[i];
                    }
                }
            }
            expected[from] = new org.apache.commons.math3.linear.LUDecomposition(
                    org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(m)).getSolver().getInverse().getEntry(1, 1);
        }
        assertEquals(expected[0] + expected[1], new ExponentVariance(sizes, 1.75).variance(n), 1e-9 * expected[0]);
    }

    /** The variance one more replica at index i removes. */
    private static double removed(java.util.function.ToDoubleFunction<double[]> variance, double[] n, int i) {
        double[] more = n.clone();
        more[i]++;
        return variance.applyAsDouble(n) - variance.applyAsDouble(more);
    }
}
