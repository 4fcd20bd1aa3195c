package io.phasesweep.engine.models.perceptron;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerceptronTest {

    /**
     * Cover (1965): P Gaussian patterns in N dimensions with random labels are linearly separable
     * with probability Pr[Bin(P−1, ½) ≤ N−1]. 300 samples per point; tolerance 4 binomial
     * standard errors (a false alarm about once in 16000 points).
     */
    @Test
    void satisfiableFractionFollowsCover() {
        PerceptronModel model = new PerceptronModel();
        int samples = 300;
        for (int n : new int[] {10, 20}) {
            for (double alpha : new double[] {1.5, 2.0, 2.5}) {
                int sat = 0;
                for (int r = 0; r < samples; r++) {
                    Measurement m = model.run(task(n, alpha, 0.0), streams(n, r), Deadline.none());
                    sat += m.values().get("sat").intValue();
                }
                int p = (int) Math.round(alpha * n);
                double exact = cover(n, p);
                double sigma = Math.sqrt(exact * (1 - exact) / samples);
                assertEquals(exact, (double) sat / samples, 4 * sigma, "N=" + n + " P=" + p);
            }
        }
    }

    /** Hand-checkable: e1 and e2 in the plane are separated best by (1,1)/√2, margin 1/√2. */
    @Test
    void twoOrthogonalPatterns() {
        MaxMargin m = MaxMarginSolver.solve(new double[][] {{1, 0}, {0, 1}}, Deadline.none());
        assertTrue(m.separable());
        assertEquals(Math.sqrt(0.5), m.margin(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, m.weights(), 1e-12);
    }

    /** (1,0) and (1,1): the nearest point of their hull to the origin is (1,0), margin 1. */
    @Test
    void marginIsTheDistanceToTheHull() {
        MaxMargin m = MaxMarginSolver.solve(new double[][] {{1, 0}, {1, 1}}, Deadline.none());
        assertEquals(1.0, m.margin(), 1e-12);
        assertArrayEquals(new double[] {1, 0}, m.weights(), 1e-12);
    }

    /** The origin is the centroid of (1,0), (0,1), (−1,−1): no w separates them. */
    @Test
    void originInsideTheHullIsNotSeparable() {
        MaxMargin m = MaxMarginSolver.solve(new double[][] {{1, 0}, {0, 1}, {-1, -1}}, Deadline.none());
        assertFalse(m.separable());
        assertEquals(0.0, m.margin());
        assertTrue(m.upperBound() < MaxMarginSolver.ZERO_DISTANCE);
    }

    /**
     * Certificate: the returned unit w achieves the reported margin on every pattern, and a
     * convex combination of the patterns lies at that same distance from the origin, so no other
     * w can do better (gap below 1e-9).
     */
    @Test
    void maxMarginComesWithItsCertificate() {
        int n = 60;
        double[][] a = PerceptronModel.patterns(80, n, false, Seeds.generator(3));
        MaxMargin m = MaxMarginSolver.solve(a, Deadline.none());
        assertTrue(m.separable());
        assertEquals(1.0, MaxMarginSolver.dot(m.weights(), m.weights()), 1e-12);
        double min = Double.POSITIVE_INFINITY;
        for (double[] row : a) {
            min = Math.min(min, MaxMarginSolver.dot(row, m.weights()));
        }
        assertEquals(min, m.margin(), 0.0);
        assertEquals(m.upperBound(), m.margin(), 1e-9);
    }

    /**
     * Why the solver keeps its own NNLS (docs/linear-algebra.md): Breeze's, on the same problem,
     * stops short of the optimum by more than the certificate allows, so its answer proves nothing.
     * When a Breeze release gets there, this fails, and the hand-written solver can go.
     */
    @Test
    void breezeNnlsDoesNotReachTheCertificate() {
        double[][] a = PerceptronModel.patterns(150, 100, false, Seeds.generator(Seeds.disorder(1, 100, 0)));
        double[][] g = MaxMarginSolver.gram(a);
        MaxMargin exact = MaxMarginSolver.certified(a, MaxMarginSolver.nnls(g, Deadline.none()));
        assertTrue(exact.separable());
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> MaxMarginSolver.certified(a, BreezeNnls.solve(g)));
        assertTrue(e.getMessage().startsWith("max-margin certificate gap"), e.getMessage());
    }

    /** sat at κ switches exactly at the sample's margin, whose value does not depend on κ. */
    @Test
    void satisfiabilityAtKappaFollowsTheMargin() {
        PerceptronModel model = new PerceptronModel();
        double margin = model.run(task(40, 1.2, 0.0), streams(40, 0), Deadline.none()).values().get("margin");
        assertTrue(margin > 0);
        for (double kappa : new double[] {0.999 * margin, 1.001 * margin}) {
            Measurement m = model.run(task(40, 1.2, kappa), streams(40, 0), Deadline.none());
            assertEquals(margin, m.values().get("margin"), 1e-12);
            assertEquals(kappa < margin ? 1.0 : 0.0, m.values().get("sat"), "kappa=" + kappa);
        }
    }

    /** One sample is followed across α: the first P patterns do not depend on the total count. */
    @Test
    void patternsArePrefixesAcrossAlpha() {
        double[][] few = PerceptronModel.patterns(5, 7, true, Seeds.generator(4));
        double[][] many = PerceptronModel.patterns(9, 7, true, Seeds.generator(4));
        for (int mu = 0; mu < few.length; mu++) {
            assertArrayEquals(few[mu], many[mu]);
        }
    }

    private static double cover(int n, int p) {
        double sum = 0;
        double term = Math.pow(0.5, p - 1); // C(P−1, 0) / 2^(P−1)
        for (int k = 0; k <= Math.min(n - 1, p - 1); k++) {
            sum += term;
            term *= (double) (p - 1 - k) / (k + 1);
        }
        return sum;
    }

    private static Task task(int n, double alpha, double kappa) {
        return new Task(new ParamValues(Map.of("alpha", alpha, "kappa", kappa, "patterns", "gaussian")), n,
                new Budget(Map.of()));
    }

    private static RandomStreams streams(int n, int replica) {
        return new RandomStreams(Seeds.generator(Seeds.disorder(42, n, replica)), Seeds.generator(Seeds.dynamics(42, "x")));
    }
}
