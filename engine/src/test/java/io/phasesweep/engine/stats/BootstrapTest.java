package io.phasesweep.engine.stats;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BootstrapTest {

    @Test
    void bootstrapErrorOfMeanMatchesStandardError() {
        RandomGenerator rng = Seeds.generator(3);
        double[] xs = rng.doubles(50).map(u -> u * u).toArray();
        int resamples = 4000;
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int[] c = Bootstrap.counts(xs.length, rng);
            assertEquals(xs.length, Arrays.stream(c).sum());
            double s = 0;
            for (int i = 0; i < xs.length; i++) {
                s += c[i] * xs[i];
            }
            means[b] = s / xs.length;
        }
        // the bootstrap spread of the mean is s·√((n−1)/n)/√n; with 4000 resamples its own relative
        // error is 1/√8000 ≈ 1.1 %, so 5 % is over 4σ
        double expected = Moments.of(xs).stdError() * Math.sqrt((xs.length - 1.0) / xs.length);
        assertEquals(expected, Bootstrap.finite(means).std(), 0.05 * expected);
    }

    @Test
    void failedReplicatesAreLeftOut() {
        Moments m = Bootstrap.finite(new double[]{1, Double.NaN, 3, Double.POSITIVE_INFINITY});
        assertEquals(2, m.count());
        assertEquals(2.0, m.mean());
    }
}
