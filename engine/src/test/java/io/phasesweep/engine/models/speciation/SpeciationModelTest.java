package io.phasesweep.engine.models.speciation;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeciationModelTest {
    private final SpeciationModel model = new SpeciationModel();

    private static Task task(double abar, int d, double sigma, int clones) {
        ParamValues params = new ParamValues(Map.of("abar", abar, "data", "gaussians", "sigma", sigma, "beta", 1.5,
                "step", 0.01, "clones", (double) clones));
        return new Task(params, d, new Budget(Map.of()));
    }

    /** Mean of same and same_exact, and the standard error of their mean difference, over samples. */
    private double[] averages(double abar, int d, int samples) {
        double same = 0;
        double exact = 0;
        double diff2 = 0;
        for (int r = 0; r < samples; r++) {
            Measurement m = model.run(task(abar, d, 1.0, 8),
                    new RandomStreams(Seeds.generator(1000 + r), Seeds.generator(5000 + r)), Deadline.none());
            double s = m.values().get("same");
            double e = m.values().get("same_exact");
            same += s;
            exact += e;
            diff2 += (s - e) * (s - e);
        }
        same /= samples;
        exact /= samples;
        double sd = Math.sqrt((diff2 / samples - (same - exact) * (same - exact)) / (samples - 1));
        return new double[] {same, exact, sd};
    }

    @Test
    void theScoreIsTheGradientOfTheLogDensity() {
        RandomGenerator rng = Seeds.generator(3);
        for (double sigma : new double[] {0.6, 1.0, 1.7}) {
            GaussianMixture data = new GaussianMixture(5, sigma);
            for (double abar : new double[] {0.02, 0.3, 0.95}) {
                double[] x = new double[5];
                for (int i = 0; i < 5; i++) {
                    x[i] = 0.8 * rng.nextGaussian();
                }
                double[] score = new double[5];
                data.score(x, abar, score);
                double at = abar;
                ScoreCheck.assertGradient(y -> data.logDensity(y, at), x, score, 1e-7, "sigma " + sigma + " abar " + abar);
            }
        }
    }

    @Test
    void theLogDensityIsNormalisedInOneDimension() {
        GaussianMixture data = new GaussianMixture(1, 0.7);
        double integral = 0;
        double h = 1e-3;
        for (double x = -12; x <= 12; x += h) {
            integral += Math.exp(data.logDensity(new double[] {x}, 0.4)) * h;
        }
        assertEquals(1.0, integral, 1e-9);
    }

    /** P(m·x_0 > 0 | x_t) by quadrature of the 1-d posterior of q_0 = m·x_0/|m| given q_t. */
    @Test
    void thePosteriorIsTheQuadratureOfBayes() {
        int d = 9;
        double sigma = 1.3;
        GaussianMixture data = new GaussianMixture(d, sigma);
        double norm = Math.sqrt(d);
        for (double abar : new double[] {0.01, 0.1, 0.5, 0.9}) {
            for (double q : new double[] {-2.0, -0.3, 0.0, 0.4, 1.5}) {
                double e = Math.sqrt(abar);
                double plus = 0;
                double all = 0;
                double h = 1e-3;
                int cells = (int) Math.ceil((norm + 12 * sigma) / h);
                for (int k = -cells; k < cells; k++) {
                    double q0 = (k + 0.5) * h;  // midpoints: q0 = 0 is a cell boundary
                    double prior = Math.exp(-(q0 - norm) * (q0 - norm) / (2 * sigma * sigma))
                            + Math.exp(-(q0 + norm) * (q0 + norm) / (2 * sigma * sigma));
                    double w = prior * Math.exp(-(q - e * q0) * (q - e * q0) / (2 * (1 - abar)));
                    all += w;
                    if (q0 > 0) {
                        plus += w;
                    }
                }
                assertEquals(plus / all, data.plusProbability(q, abar), 1e-6, "abar " + abar + " q " + q);
            }
        }
    }

    /**
     * At ᾱ = 1 the backward process has no steps and returns the sample itself, so its class is the
     * sample's; with N = 4 Curie–Weiss spins at β = 1.5 a tenth of the samples have M = 0 (weight
     * 6 of 63), a tie, which both observables must count as a fair coin: `same` then estimates ½ =
     * same_exact.
     */
    @Test
    void clonedAtTimeZeroTheyKeepTheClassAndTiesAreACoin() {
        Task task = new Task(new ParamValues(Map.of("abar", 1.0, "data", "curie-weiss", "sigma", 1.0, "beta", 1.5,
                "step", 0.01, "clones", 8.0)), 4, new Budget(Map.of()));
        int samples = 2000;
        int ties = 0;
        double diff = 0;
        double diff2 = 0;
        for (int r = 0; r < samples; r++) {
            Measurement m = model.run(task, new RandomStreams(Seeds.generator(r), Seeds.generator(100 + r)),
                    Deadline.none());
            double exact = m.values().get("same_exact");
            ties += exact == 0.5 ? 1 : 0;
            if (exact != 0.5) {
                assertEquals(1.0, exact);
                assertEquals(1.0, m.values().get("same"));
            }
            double d = m.values().get("same") - exact;
            diff += d;
            diff2 += d * d;
        }
        assertTrue(ties > samples / 20, "ties " + ties);
        double mean = diff / samples;
        assertEquals(0, mean, 4 * Math.sqrt((diff2 / samples - mean * mean) / (samples - 1)), "ties " + ties);
    }

    @Test
    void clonedFromPureNoiseTheyAgreeByChance() {
        double[] late = averages(1e-7, 32, 300);
        assertEquals(0.5, late[1], 1e-4);
        assertEquals(0.5, late[0], 4 * late[2]);
    }

    /** The backward SDE with the exact score reproduces the posterior: at t_s, in d = 64. */
    @Test
    void theBackwardProcessEndsInClassAsThePosteriorSays() {
        int d = 64;
        double[] atSpeciation = averages(1.0 / (d + 1), d, 400);
        assertTrue(atSpeciation[1] > 0.6 && atSpeciation[1] < 0.95, "not in the crossover: " + atSpeciation[1]);
        assertEquals(atSpeciation[1], atSpeciation[0], 4 * atSpeciation[2]);
    }

    /**
     * At large d the agreement is φ(a) = ½(1 + E_z tanh(a² + a z)), a² = ᾱ·d, z standard normal:
     * the posterior's logit is 2a·q with q ~ N(±a, 1) (σ = 1), and φ = ½ + ½ E tanh²(a q) =
     * ½ + ½ E tanh(a q) by the Nishimori identity. φ(1) = 0.7752, the level of the sweep file.
     */
    @Test
    void atLargeDimensionTheAgreementIsAFunctionOfAbarTimesD() {
        for (double a : new double[] {0.5, 1.0, 2.0}) {
            double phi = 0.5 * (1 + gaussianMean(z -> Math.tanh(a * a + a * z)));
            for (int d : new int[] {256, 4096}) {
                GaussianMixture data = new GaussianMixture(d, 1.0);
                RandomGenerator rng = Seeds.generator(d);
                double sum = 0;
                double sum2 = 0;
                int samples = 4000;
                for (int r = 0; r < samples; r++) {
                    double p = data.plusProbability(
                            GaussianMixture.projection(SpeciationModel.noisedSample(data, a * a / d, rng)), a * a / d);
                    double same = p * p + (1 - p) * (1 - p);
                    sum += same;
                    sum2 += same * same;
                }
                double mean = sum / samples;
                double se = Math.sqrt((sum2 / samples - mean * mean) / samples);
                assertEquals(phi, mean, 4 * se, "a " + a + " d " + d);
            }
        }
        assertEquals(0.7752, 0.5 * (1 + gaussianMean(z -> Math.tanh(1 + z))), 1e-4);
    }

    private static double gaussianMean(java.util.function.DoubleUnaryOperator f) {
        double h = 1e-3;
        double sum = 0;
        for (double z = -10; z <= 10; z += h) {
            sum += f.applyAsDouble(z) * Math.exp(-z * z / 2) * h;
        }
        return sum / Math.sqrt(2 * Math.PI);
    }
}
