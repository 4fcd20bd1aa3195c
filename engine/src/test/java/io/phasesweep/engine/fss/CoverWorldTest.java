package io.phasesweep.engine.fss;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverWorldTest {

    /** S(2N, N) = 1/2 for every N (the binomial Bin(2N − 1, 1/2) is symmetric about N − 1/2), and S(P ≤ N) = 1. */
    @Test
    void everySizeIsSatisfiableWithProbabilityOneHalfAtAlphaTwo() {
        for (int n : new int[] {1, 7, 25, 50, 100, 200}) {
            assertEquals(0.5, CoverWorld.separable(2 * n, n), 1e-12, "N = " + n);
            assertEquals(1, CoverWorld.separable(n, n));
        }
        // Pr[Bin(4, 1/2) <= 2] = 11/16 at N = 3, P = 5
        assertEquals(11.0 / 16, CoverWorld.separable(5, 3), 1e-15);
    }

    /**
     * The capacities drawn are Cover's: the fraction of 20000 draws at least P is S(P, N) within 4
     * binomial standard errors (a false alarm about once in 16000 comparisons), at N = 25 and 100.
     */
    @Test
    void capacitiesFollowCoversLaw() {
        Random rng = new Random(7);
        int draws = 20000;
        for (int n : new int[] {25, 100}) {
            int[] capacity = new int[draws];
            for (int d = 0; d < draws; d++) {
                capacity[d] = CoverWorld.capacity(n, rng.nextDouble());
            }
            for (double alpha : new double[] {1.8, 2.0, 2.2}) {
                int p = (int) Math.round(alpha * n);
                double exact = CoverWorld.separable(p, n);
                long sat = java.util.Arrays.stream(capacity).filter(c -> c >= p).count();
                double sigma = Math.sqrt(exact * (1 - exact) / draws);
                assertTrue(Math.abs((double) sat / draws - exact) < 4 * sigma, n + ", " + alpha + ": " + sat + " vs " + exact * draws);
            }
        }
    }
}
