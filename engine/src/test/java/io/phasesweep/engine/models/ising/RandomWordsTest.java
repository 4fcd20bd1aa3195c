package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The words read ahead give the numbers the generator gives when called: {@code nextInt(bound)}
 * followed by {@code nextDouble()}, as the Metropolis kernel reads them, across block refills and
 * for bounds that reject often; and the integer thresholds decide as the double comparison does.
 */
class RandomWordsTest {
    @ParameterizedTest
    @ValueSource(ints = {4096, 5, 576, (1 << 30) + 1, 3 << 29})
    void boundedDrawAndUniformMatchTheGenerator(int bound) {
        RandomGenerator called = Seeds.generator(99);
        RandomWords read = new RandomWords(Seeds.generator(99));
        long[] w = read.words;
        int next = read.next;
        int mask = bound - 1;
        for (int draw = 0; draw < 200_000; draw++) {
            if (next > w.length - 2) {
                next = read.refill(next);
            }
            int r = (int) (w[next++] >>> 32);
            int i = r & mask;
            if ((bound & mask) != 0) {
                i = read.remainderBelow(r, bound, next);
                next = read.next;
            }
            assertEquals(called.nextInt(bound), i, "draw " + draw);
            assertEquals(called.nextDouble(), RandomWords.uniformBits(w[next++]) * 0x1.0p-53, "uniform " + draw);
        }
    }

    @Test
    void thresholdDecidesAsTheDoubleComparison() {
        SplittableRandom random = new SplittableRandom(7);
        double[] edges = {0, Double.MIN_VALUE, 0x1.0p-53, 0.5, Math.nextDown(1.0), 1, 2, Math.exp(-4 / 2.269)};
        long top = 1L << 53;
        for (int trial = 0; trial < 1_000_000; trial++) {
            double p = trial < edges.length ? edges[trial] : random.nextDouble();
            long t = RandomWords.threshold(p);
            long[] ks = {0, top - 1, Math.max(0, t - 1), Math.min(top - 1, t), random.nextLong(top)};
            for (long k : ks) {
                assertEquals(k * 0x1.0p-53 < p, k < t, "p = " + p + ", k = " + k);
            }
        }
        assertEquals(MetropolisChain.CERTAIN, RandomWords.threshold(1));
        assertEquals(MetropolisChain.CERTAIN - 1, RandomWords.threshold(Math.nextDown(1.0)));
    }
}
