package io.phasesweep.engine.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MomentsTest {

    @Test
    void mergedEqualsWhole() {
        RandomGenerator rng = RandomGenerator.of("L64X128MixRandom");
        double[] xs = rng.doubles(1001, -3, 5).toArray();
        Moments whole = Moments.of(xs);
        Moments merged = Moments.of(Arrays.copyOfRange(xs, 0, 400))
                .merge(Moments.of(Arrays.copyOfRange(xs, 400, 401)))
                .merge(Moments.EMPTY)
                .merge(Moments.of(Arrays.copyOfRange(xs, 401, 1001)));
        assertEquals(whole.count(), merged.count());
        // same numbers summed in a different order: agreement to rounding
        assertEquals(whole.mean(), merged.mean(), 1e-13);
        assertEquals(whole.m2(), merged.m2(), 1e-9);
    }

    @Test
    void knownMeanAndVariance() {
        Moments m = Moments.of(1, 2, 3, 4);
        assertEquals(2.5, m.mean(), 1e-15);
        assertEquals(5.0 / 3, m.variance(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 12), m.stdError(), 1e-15);
        assertEquals(Double.NaN, Moments.of(7).variance());
    }
}
