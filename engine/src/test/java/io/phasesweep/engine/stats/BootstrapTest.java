package io.phasesweep.engine.stats;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BootstrapTest {

    @Test
    void poissonCountsHaveMeanAndVarianceOne() {
        Moments m = Moments.EMPTY;
        for (long i = 0; i < 200_000; i++) {
            m = m.plus(Bootstrap.poisson(Seeds.uniform(5, i)));
        }
        // standard errors: mean 1/√200000 ≈ 0.0022, variance √(2+1)/√200000 ≈ 0.004; 5σ
        assertEquals(1, m.mean(), 0.011);
        assertEquals(1, m.variance(), 0.02);
        assertEquals(0, Bootstrap.poisson(0.0));
        assertEquals(0, Bootstrap.poisson(Math.exp(-1) - 1e-12));
        assertEquals(1, Bootstrap.poisson(Math.exp(-1)));
        assertEquals(18, Bootstrap.poisson(Math.nextDown(1.0)), "the largest uniform: the cdf rounds to 1 at 18");
    }

    @Test
    void poissonBootstrapErrorOfMeanMatchesStandardError() {
        RandomGenerator rng = Seeds.generator(3);
        double[] xs = rng.doubles(50).map(u -> u * u).toArray();
        int resamples = 4000;
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            int total = 0;
            for (int i = 0; i < xs.length; i++) {
                int w = Bootstrap.poisson(Seeds.uniform(i, b));
                s += w * xs[i];
                total += w;
            }
            means[b] = s / total;
        }
        // the bootstrap spread of the mean is s·√((n−1)/n)/√n to first order in 1/n; with 4000
        // resamples its own relative error is 1/√8000 ≈ 1.1 %, so 5 % is over 4σ
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
