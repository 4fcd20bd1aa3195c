package io.phasesweep.engine.models.speciation;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CurieWeissTest {
    private static final double BETA = 1.5;

    /** log Σ_s exp(βM²/2N − |x − √ᾱ s|²/2Δ) and the same sum restricted to M &gt; 0 (M = 0 halved). */
    private static double[] bruteForce(double[] x, double abar) {
        int n = x.length;
        double e = Math.sqrt(abar);
        double delta = 1 - abar;
        double[] logs = new double[1 << n];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 1 << n; c++) {
            int m = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                int s = (c >> i & 1) == 1 ? 1 : -1;
                m += s;
                squares += (x[i] - e * s) * (x[i] - e * s);
            }
            logs[c] = BETA * m * m / (2.0 * n) - squares / (2 * delta);
            max = Math.max(max, logs[c]);
        }
        double all = 0;
        double plus = 0;
        for (int c = 0; c < 1 << n; c++) {
            int m = 2 * Integer.bitCount(c) - n;
            double w = Math.exp(logs[c] - max);
            all += w;
            plus += m > 0 ? w : m == 0 ? 0.5 * w : 0;
        }
        return new double[] {max + Math.log(all), plus / all};
    }

    private static double[] noised(CurieWeiss data, double abar, RandomGenerator rng) {
        return SpeciationModel.noisedSample(data, abar, rng);
    }

    @Test
    void theOneDimensionalIntegralIsTheSumOverConfigurations() {
        RandomGenerator rng = Seeds.generator(2);
        for (int n : new int[] {10, 11}) {
            CurieWeiss data = new CurieWeiss(n, BETA);
            for (double abar : new double[] {0.05, 0.3, 0.8}) {
                double[] reference = noised(data, abar, rng);
                double offset = data.logDensity(reference, abar) - bruteForce(reference, abar)[0];
                for (int k = 0; k < 5; k++) {
                    double[] x = noised(data, abar, rng);
                    double[] exact = bruteForce(x, abar);
                    assertEquals(exact[0] + offset, data.logDensity(x, abar), 1e-9, "n " + n + " abar " + abar);
                    assertEquals(exact[1], data.plusProbability(x, abar), 1e-9, "n " + n + " abar " + abar);
                }
            }
        }
    }

    @Test
    void theScoreIsTheGradientOfTheLogDensity() {
        RandomGenerator rng = Seeds.generator(5);
        CurieWeiss data = new CurieWeiss(24, BETA);
        for (double abar : new double[] {0.02, 0.3, 0.9}) {
            double[] x = noised(data, abar, rng);
            double[] score = new double[24];
            data.score(x, abar, score);
            double at = abar;
            ScoreCheck.assertGradient(y -> data.logDensity(y, at), x, score, 1e-6, "abar " + abar);
        }
    }

    /** P(n up spins) at N = 10 by the explicit sum over all 2^N configurations, independent of CurieWeiss. */
    private static double[] upCountLaw(int n) {
        double[] law = new double[n + 1];
        double total = 0;
        for (int c = 0; c < 1 << n; c++) {
            int up = Integer.bitCount(c);
            double m = 2 * up - n;
            double w = Math.exp(BETA * m * m / (2.0 * n));
            law[up] += w;
            total += w;
        }
        for (int up = 0; up <= n; up++) {
            law[up] /= total;
        }
        return law;
    }

    /** Λ = E[M²]/N against the sum over all configurations. */
    @Test
    void topEigenvalueIsTheSumOverConfigurations() {
        int n = 10;
        double[] law = upCountLaw(n);
        double m2 = 0;
        for (int up = 0; up <= n; up++) {
            m2 += law[up] * (2 * up - n) * (2 * up - n);
        }
        assertEquals(m2 / n, new CurieWeiss(n, BETA).topEigenvalue(), 1e-12);
    }

    /** The sampler's law of the number of up spins against the sum over configurations (each within 4 standard errors). */
    @Test
    void theSamplerDrawsTheUpCountOfTheSumOverConfigurations() {
        int n = 10;
        double[] law = upCountLaw(n);
        CurieWeiss data = new CurieWeiss(n, BETA);
        RandomGenerator rng = Seeds.generator(9);
        int samples = 20000;
        int[] counts = new int[n + 1];
        for (int r = 0; r < samples; r++) {
            int up = 0;
            for (double s : data.sample(rng)) {
                up += s > 0 ? 1 : 0;
            }
            counts[up]++;
        }
        for (int up = 0; up <= n; up++) {
            double se = Math.sqrt(law[up] * (1 - law[up]) / samples);
            assertEquals(law[up], (double) counts[up] / samples, 4 * se, "up " + up);
        }
    }

    /**
     * At N = 30 000 the peak of the integrand over λ is about √(β/N) = 0.007 wide, three times narrower
     * than the spacing of a fixed 257-point grid. For x_i = c the sum over configurations is a sum over
     * the number of up spins, so log P_t is exact at that size: log Σ_n C(N, n) exp(βM²/2N − |x − √ᾱ s|²/2Δ)
     * with x·s = cM. Compared at two values of c (the constant offset cancels).
     */
    @Test
    void atLargeNTheQuadratureStillResolvesThePeak() {
        int n = 30000;
        double abar = 0.3;
        CurieWeiss data = new CurieWeiss(n, BETA);
        double[] c = {0.3, -0.1};
        double[] quadrature = new double[2];
        double[] exact = new double[2];
        for (int k = 0; k < 2; k++) {
            double[] x = new double[n];
            Arrays.fill(x, c[k]);
            quadrature[k] = data.logDensity(x, abar);
            exact[k] = uniformLogDensity(n, c[k], abar);
        }
        assertEquals(exact[0] - exact[1], quadrature[0] - quadrature[1], 1e-6);
    }

    private static double uniformLogDensity(int n, double c, double abar) {
        double e = Math.sqrt(abar);
        double delta = 1 - abar;
        double[] logs = new double[n + 1];
        double max = Double.NEGATIVE_INFINITY;
        double logBinomial = 0;
        for (int up = 0; up <= n; up++) {
            if (up > 0) {
                logBinomial += Math.log(n - up + 1) - Math.log(up);
            }
            double m = 2 * up - n;
            logs[up] = logBinomial + BETA * m * m / (2.0 * n) - (n * c * c - 2 * e * c * m + abar * n) / (2 * delta);
            max = Math.max(max, logs[up]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return max + Math.log(sum);
    }

    /** The sampler's E[M²] against the exact law; Λ = E[M²]/N. */
    @Test
    void samplesFollowTheCurieWeissLaw() {
        int n = 40;
        CurieWeiss data = new CurieWeiss(n, BETA);
        RandomGenerator rng = Seeds.generator(8);
        int samples = 20000;
        double sum = 0;
        double sum2 = 0;
        for (int r = 0; r < samples; r++) {
            double m = 0;
            for (double s : data.sample(rng)) {
                m += s;
            }
            sum += m * m;
            sum2 += m * m * m * m;
        }
        double mean = sum / samples;
        double se = Math.sqrt((sum2 / samples - mean * mean) / samples);
        assertEquals(data.topEigenvalue() * n, mean, 4 * se);
    }

    /** The backward SDE with the exact Curie–Weiss score ends in class as the exact posterior says, at t_s. */
    @Test
    void theBackwardProcessEndsInClassAsThePosteriorSays() {
        int n = 32;
        double abar = 1 / new CurieWeiss(n, BETA).topEigenvalue();
        Task task = new Task(new ParamValues(Map.of("abar", abar, "data", "curie-weiss", "sigma", 1.0, "beta", BETA,
                "step", 0.02, "clones", 8.0)), n, new Budget(Map.of()));
        SpeciationModel model = new SpeciationModel();
        int samples = 150;
        double diff = 0;
        double diff2 = 0;
        double exact = 0;
        for (int r = 0; r < samples; r++) {
            Measurement m = model.run(task, new RandomStreams(Seeds.generator(r), Seeds.generator(700 + r)),
                    Deadline.none());
            double d = m.values().get("same") - m.values().get("same_exact");
            exact += m.values().get("same_exact");
            diff += d;
            diff2 += d * d;
        }
        double mean = diff / samples;
        double se = Math.sqrt((diff2 / samples - mean * mean) / (samples - 1));
        assertEquals(0, mean, 4 * se, "mean same_exact " + exact / samples);
    }
}
