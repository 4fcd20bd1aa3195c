package io.phasesweep.engine.model;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known answers for the binning analysis. One estimate of tau_int from 32–63 blocks scatters by
 * 13–18 %, so the statistical checks average over {@link #CHAINS} independent series held as
 * separate observables of one accumulator, and compare the average with the exact value within
 * 4 standard errors of that average (its own spread over the chains).
 */
class LogBinningTest {
    private static final int CHAINS = 16;
    /** 63 blocks at level 15: the error level has as many blocks as the rule allows. */
    private static final int SAMPLES = 63 << 15;

    @Test
    void uncorrelatedDataHasTauOneHalfAndNaiveError() {
        SplittableRandom random = new SplittableRandom(11);
        LogBinning bins = new LogBinning(CHAINS);
        double[] sample = new double[CHAINS];
        double sigma = 3.0;
        for (int t = 0; t < SAMPLES; t++) {
            for (int c = 0; c < CHAINS; c++) {
                sample[c] = 5.0 + sigma * random.nextGaussian();
            }
            bins.add(sample);
        }
        assertEquals(15, bins.errorLevel());
        double[] taus = new double[CHAINS];
        double[] errorRatios = new double[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            taus[c] = bins.tau(c);
            errorRatios[c] = bins.error(c) / (sigma / Math.sqrt(SAMPLES));
            // the level-0 error is the naive σ/√n, itself known to 1/√(2n) ≈ 0.05 %: 4 of those
            assertEquals(1.0, bins.error(c, 0) / (sigma / Math.sqrt(SAMPLES)), 4 / Math.sqrt(2.0 * SAMPLES));
            assertEquals(5.0, bins.mean(c), 4 * sigma / Math.sqrt(SAMPLES));
        }
        assertWithinFourStandardErrors(0.5, taus);
        assertWithinFourStandardErrors(1.0, errorRatios);
    }

    @Test
    void recoversTauOfAnAutoregressiveSeries() {
        double rho = 0.9;
        double exactTau = 0.5 * (1 + rho) / (1 - rho);
        SplittableRandom random = new SplittableRandom(12);
        LogBinning bins = new LogBinning(CHAINS);
        double[] x = new double[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            x[c] = random.nextGaussian() / Math.sqrt(1 - rho * rho); // start in the stationary distribution
        }
        for (int t = 0; t < SAMPLES; t++) {
            for (int c = 0; c < CHAINS; c++) {
                x[c] = rho * x[c] + random.nextGaussian();
            }
            bins.add(x);
        }
        double[] taus = new double[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            taus[c] = bins.tau(c);
        }
        assertWithinFourStandardErrors(exactTau, taus);
    }

    @Test
    void mergedEqualsWhole() {
        SplittableRandom random = new SplittableRandom(13);
        LogBinning whole = new LogBinning(2);
        LogBinning first = new LogBinning(2);
        LogBinning second = new LogBinning(2);
        int firstLength = 3 << 12;
        int total = 8 << 12;
        double[] sample = new double[2];
        double y = 0;
        for (int t = 0; t < total; t++) {
            y = 0.7 * y + random.nextGaussian();
            sample[0] = 1e3 + y;                // a large offset: merging must keep the precision
            sample[1] = random.nextDouble() - 0.5;
            whole.add(sample);
            (t < firstLength ? first : second).add(sample);
        }
        first.merge(second);
        assertEquals(whole.count(), first.count());
        for (int o = 0; o < 2; o++) {
            assertEquals(whole.mean(o), first.mean(o), 1e-12 * Math.abs(whole.mean(o)));
            // the first part is 3·2^12 long, so every level up to 12 has the same blocks
            for (int level = 0; level <= 12; level++) {
                assertEquals(whole.blocks(level), first.blocks(level));
                assertEquals(whole.error(o, level), first.error(o, level), 1e-9 * whole.error(o, level));
            }
        }
        assertEquals(whole.errorLevel(), first.errorLevel());
    }

    @Test
    void mergeIntoEmptyAndOfEmpty() {
        LogBinning empty = new LogBinning(1);
        LogBinning some = new LogBinning(1);
        for (int t = 0; t < 100; t++) {
            some.add(new double[] {t});
        }
        empty.merge(some);
        some.merge(new LogBinning(1));
        assertEquals(49.5, empty.mean(0), 1e-12);
        assertEquals(49.5, some.mean(0), 1e-12);
        assertEquals(some.error(0), empty.error(0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> some.merge(new LogBinning(2)));
    }

    @Test
    void constantSeriesHasZeroErrorAndUndefinedTau() {
        LogBinning bins = new LogBinning(1);
        for (int t = 0; t < 1000; t++) {
            bins.add(new double[] {-2.0});
        }
        assertEquals(-2.0, bins.mean(0));
        assertEquals(0.0, bins.error(0));
        assertTrue(Double.isNaN(bins.tau(0)));
    }

    @Test
    void fewSamplesUseTheLevelZeroError() {
        LogBinning bins = new LogBinning(1);
        for (int t = 0; t < 40; t++) {
            bins.add(new double[] {t % 2});
        }
        assertEquals(0, bins.errorLevel());
        // 20 zeros and 20 ones: standard deviation √(40/39)/2, error that over √40
        assertEquals(Math.sqrt(40.0 / 39) / 2 / Math.sqrt(40), bins.error(0), 1e-15);
        assertEquals(0.5, bins.tau(0), 1e-15);
    }

    private static void assertWithinFourStandardErrors(double exact, double[] estimates) {
        double mean = 0;
        for (double e : estimates) {
            mean += e;
        }
        mean /= estimates.length;
        double var = 0;
        for (double e : estimates) {
            var += (e - mean) * (e - mean);
        }
        double standardError = Math.sqrt(var / (estimates.length - 1) / estimates.length);
        assertEquals(exact, mean, 4 * standardError,
                "average of " + estimates.length + " estimates vs exact " + exact);
    }
}
