package io.phasesweep.engine.model;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternLoadTest {
    /**
     * A whole αN is stored as it is, without a draw; otherwise ⌊αN⌋ or ⌈αN⌉ with mean αN: at
     * N = 25, α = 1.93 (48.25) the ceiling in 25 % of 8000 draws within 4 binomial standard errors.
     */
    @Test
    void aLoadBetweenWholeCountsIsDitheredToItsMean() {
        RandomGenerator dynamics = Seeds.generator(9);
        assertEquals(50, PatternLoad.count(2.0, 25, null));
        assertEquals(1, PatternLoad.count(0.001, 25, dynamics));
        int draws = 8000;
        int ceiling = 0;
        for (int d = 0; d < draws; d++) {
            int p = PatternLoad.count(1.93, 25, dynamics);
            assertTrue(p == 48 || p == 49, "P = " + p);
            ceiling += p - 48;
        }
        assertEquals(0.25, (double) ceiling / draws, 4 * Math.sqrt(0.25 * 0.75 / draws));
    }
}
