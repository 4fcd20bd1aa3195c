package io.phasesweep.engine.models.jamming;

import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerLawTailTest {
    private static final double GAMMA = 0.41269;
    private static final double THETA = 0.42311;

    /**
     * Samples whose tail below the cutoff is an exact power law P(x) ∝ x^(a − 1) (x = c·u^(1/a)) and
     * whose other values lie above it: the estimate n/L falls within its stated error a/√n of a in
     * about 68 % of 400 samples (binomial spread ±2.3 %), for the gaps' a = 1 − γ and the forces'
     * a = 1 + θ, and its mean over the samples is within its spread of a·n/(n − 1), the stated bias.
     */
    @Test
    void recoversAKnownExponentWithinItsStatedError() {
        for (double a : new double[] {1 - GAMMA, 1 + THETA}) {
            RandomGenerator random = Seeds.generator(17);
            int samples = 400;
            int within = 0;
            double sum = 0;
            int tail = 0;
            for (int s = 0; s < samples; s++) {
                double[] x = sample(random, a, 0.05, 1000, 0.2);
                PowerLawTail t = PowerLawTail.of(x, x.length, 0.05);
                double estimate = t.exponent();
                within += Math.abs(estimate - a) <= a / Math.sqrt(t.count()) ? 1 : 0;
                sum += estimate;
                tail += t.count();
            }
            double coverage = (double) within / samples;
            assertTrue(coverage > 0.61 && coverage < 0.75, "a = " + a + ": within 1σ in " + coverage);
            double n = (double) tail / samples;
            double spread = a / Math.sqrt(n) / Math.sqrt(samples);
            assertEquals(a * n / (n - 1), sum / samples, 3 * spread, "a = " + a + ", mean n " + n);
        }
    }

    /** Pooling adds counts and log sums: the pooled estimate is the one of the concatenated samples. */
    @Test
    void pooledTailsAreTheTailOfThePooledSample() {
        RandomGenerator random = Seeds.generator(5);
        double[] first = sample(random, 1 - GAMMA, 0.1, 300, 0.3);
        double[] second = sample(random, 1 - GAMMA, 0.1, 500, 0.3);
        double[] both = new double[800];
        System.arraycopy(first, 0, both, 0, 300);
        System.arraycopy(second, 0, both, 300, 500);
        PowerLawTail a = PowerLawTail.of(first, 300, 0.1);
        PowerLawTail b = PowerLawTail.of(second, 500, 0.1);
        PowerLawTail whole = PowerLawTail.of(both, 800, 0.1);
        assertEquals(whole.count(), a.count() + b.count());
        assertEquals(whole.logSum(), a.logSum() + b.logSum(), 1e-9 * whole.logSum());
    }

    /**
     * The model's derived exponents read the tails with the right sign: gaps drawn with
     * P(h) ~ h^(−γ) give back γ through {@code gamma}, forces drawn with P(f) ~ f^θ give back θ
     * through {@code theta} (within 3 standard errors a/√n of 20 000 tail values, ±0.012), and the
     * inner estimates read the inner tails. Flipping a sign or swapping the inputs fails this.
     */
    @Test
    void theModelsDerivedExponentsReadTheirTailsWithTheirSigns() {
        Map<String, DerivedObservable> derived = new JammingModel().derived().stream()
                .collect(Collectors.toMap(DerivedObservable::name, d -> d));
        RandomGenerator random = Seeds.generator(23);
        for (String[] q : new String[][] {{"gamma", "gaps"}, {"gamma_inner", "gaps_inner"}, {"theta", "forces"},
                {"theta_inner", "forces_inner"}}) {
            boolean gaps = q[1].startsWith("gaps");
            double exponent = gaps ? GAMMA : THETA;
            double a = gaps ? 1 - GAMMA : 1 + THETA;
            double cutoff = q[1].endsWith("inner") ? 0.01 : 0.1;
            PowerLawTail tail = PowerLawTail.of(sample(random, a, cutoff, 100_000, 0.2), 100_000, cutoff);
            DerivedObservable d = derived.get(q[0]);
            assertEquals(List.of(q[1], q[1] + "_log"), d.inputs(), q[0]);
            double value = d.formula().value(new double[] {tail.count(), tail.logSum()}, null, 100);
            assertEquals(exponent, value, 3 * a / Math.sqrt(tail.count()), q[0]);
        }
    }

    /** Zeros (contacts exactly at κ) and values above the cutoff are not in the tail. */
    @Test
    void onlyPositiveValuesUpToTheCutoffCount() {
        PowerLawTail t = PowerLawTail.of(new double[] {0, 0.5, 0.1, 0.01, 2, 99}, 5, 0.1);
        assertEquals(2, t.count());
        assertEquals(Math.log(10), t.logSum(), 1e-12);
    }

    /** n values: a fraction {@code below} from the power law on (0, c], the rest uniform on (c, 2c). */
    private static double[] sample(RandomGenerator random, double a, double c, int n, double below) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() < below ? c * Math.pow(1 - random.nextDouble(), 1 / a) : c * (1 + random.nextDouble());
        }
        return x;
    }
}
