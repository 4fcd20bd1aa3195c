package io.phasesweep.engine.models.spiked;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpikedWignerModelTest {
    private static final long SWEEP_SEED = 7;
    private final SpikedWignerModel model = new SpikedWignerModel();

    private static Task task(double lambda, String prior, String sampler, int n) {
        ParamValues params = new ParamValues(Map.of("lambda", lambda, "prior", prior, "sampler", sampler));
        return new Task(params, n, new Budget(Map.of()));
    }

    private List<Measurement> ladder(double[] lambdas, String prior, String sampler, int n, int replica) {
        List<Task> tasks = new ArrayList<>();
        for (double lambda : lambdas) {
            tasks.add(task(lambda, prior, sampler, n));
        }
        long seed = Seeds.disorder(SWEEP_SEED, n, replica);
        return model.runAxis(tasks, new RandomStreams(Seeds.generator(seed), Seeds.generator(1)), Deadline.none());
    }

    private Measurement run(double lambda, String prior, String sampler, int n, int replica) {
        return ladder(new double[]{lambda}, prior, sampler, n, replica).get(0);
    }

    @Test
    void everyLambdaOfTheLadderEqualsADenseEigensolverOnY() {
        // The secular equation is exact: against dsyevr on the explicit Y(λ) = (λ/N)vvᵀ + W/√N of the same
        // sample, both rounding-level (|Y| ≈ 2–3, N·ε·|Y| ≈ 1e-13), on both sides of the transition and
        // at λ = 0 (the bare GOE top eigenvalue and the spike's weight on its eigenvector).
        int n = 150;
        double[] lambdas = {0.0, 0.3, 0.9, 1.0, 1.1, 1.7, 4.0};
        for (String prior : new String[]{"rademacher", "gaussian"}) {
            List<Measurement> fast = ladder(lambdas, prior, "matrix", n, 5);
            SpikedWigner sample = SpikedWigner.draw(n, SpikedWigner.Prior.valueOf(prior.toUpperCase()),
                    Seeds.generator(Seeds.disorder(SWEEP_SEED, n, 5)));
            for (int k = 0; k < lambdas.length; k++) {
                TopEigenpair dense = TopEigenpair.of(sample.matrix(lambdas[k]), n);
                double dot = 0;
                double[] v = sample.spike();
                for (int i = 0; i < n; i++) {
                    dot += v[i] * dense.vector()[i];
                }
                String at = prior + " λ = " + lambdas[k];
                assertEquals(dense.value(), fast.get(k).values().get("top"), 1e-10, at);
                assertEquals(dot * dot / n, fast.get(k).values().get("overlap2"), 1e-10, at);
            }
        }
    }

    @Test
    void spectralWeightsAreTheSquaredFirstComponentsOfTheEigenvectors() {
        // Against commons-math's independent symmetric eigensolver on the same tridiagonal matrix.
        int n = 60;
        Tridiagonal t = Tridiagonal.goe(n, Seeds.generator(11));
        SpectralMeasure measure = SpectralMeasure.of(t);
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            rows[i][i] = t.diagonal()[i];
            if (i + 1 < n) {
                rows[i][i + 1] = t.offDiagonal()[i];
                rows[i + 1][i] = t.offDiagonal()[i];
            }
        }
        EigenDecomposition reference = new EigenDecomposition(new Array2DRowRealMatrix(rows));
        for (int k = 0; k < n; k++) {
            double value = reference.getRealEigenvalue(k);
            RealVector vector = reference.getEigenvector(k);
            int i = indexOf(measure.eigenvalues(), value);
            assertEquals(value, measure.eigenvalues()[i], 1e-12);
            assertEquals(vector.getEntry(0) * vector.getEntry(0), measure.weights()[i], 1e-12, "eigenvalue " + value);
        }
    }

    private static int indexOf(double[] sorted, double value) {
        int best = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (Math.abs(sorted[i] - value) < Math.abs(sorted[best] - value)) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void theTridiagonalSamplerHasTheLawOfTheExplicitMatrix() {
        // Two-sample Kolmogorov–Smirnov tests, 600 samples per sampler at N = 40, of the top eigenvalue at
        // λ = 0 (Tracy–Widom edge) and λ = 1, and of overlap2 at λ = 1.5. A wrong χ degree, a wrong
        // diagonal variance or a missing 1/√N shifts these laws by far more than the KS resolution
        // (~1.95·√(2/600) ≈ 0.11 in the CDF at p = 0.001, the threshold used). The prior is irrelevant
        // by rotation invariance: the explicit samples use the Rademacher one.
        int n = 40;
        int samples = 600;
        double[] lambdas = {0.0, 1.0, 1.5};
        double[][] matrix = new double[3][samples];
        double[][] tridiagonal = new double[3][samples];
        for (int r = 0; r < samples; r++) {
            List<Measurement> m = ladder(lambdas, "rademacher", "matrix", n, r);
            List<Measurement> t = ladder(lambdas, "rademacher", "tridiagonal", n, r + samples);
            matrix[0][r] = m.get(0).values().get("top");
            matrix[1][r] = m.get(1).values().get("top");
            matrix[2][r] = m.get(2).values().get("overlap2");
            tridiagonal[0][r] = t.get(0).values().get("top");
            tridiagonal[1][r] = t.get(1).values().get("top");
            tridiagonal[2][r] = t.get(2).values().get("overlap2");
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (int k = 0; k < 3; k++) {
            double p = ks.kolmogorovSmirnovTest(matrix[k], tridiagonal[k]);
            assertTrue(p > 1e-3, "observable " + k + ": KS p = " + p);
        }
    }

    @Test
    void theTridiagonalSpectrumHasTheGoeSecondMoment() {
        // E Tr(W/√N)² = (2N + N(N − 1))/N = N + 1 exactly for the GOE with diagonal variance 2; a
        // wrong diagonal variance moves it by 1, a wrong χ degree by 2(N − 1)/N. Tr² has standard
        // deviation ≈ 2 here, so the mean of 1000 samples at N = 40 is good to ≈ 0.06; tolerance
        // 4 standard errors, estimated from the samples.
        int n = 40;
        int samples = 1000;
        RandomGenerator rng = Seeds.generator(13);
        double sum = 0;
        double sum2 = 0;
        for (int r = 0; r < samples; r++) {
            double trace2 = 0;
            for (double mu : SpectralMeasure.of(Tridiagonal.goe(n, rng)).eigenvalues()) {
                trace2 += mu * mu;
            }
            sum += trace2;
            sum2 += trace2 * trace2;
        }
        double mean = sum / samples;
        double standardError = Math.sqrt((sum2 / samples - mean * mean) / (samples - 1));
        assertEquals(n + 1, mean, 4 * standardError);
    }

    @Test
    void aboveTheTransitionTheTopEigenpairDetachesAsBbpPredicts() {
        // N = 1000: the outlier fluctuates on the scale sqrt(2(1 − 1/λ²)/N) (GOE, delocalised spike),
        // 0.039 at λ = 2 and 0.033 at λ = 1.5, and its bias is O(1/N); tolerance 4 of those scales.
        // The overlap fluctuates on the scale N^(−1/2) ≈ 0.032; tolerance 4 N^(−1/2).
        int n = 1000;
        for (String sampler : new String[]{"matrix", "tridiagonal"}) {
            Measurement rademacher = run(2.0, "rademacher", sampler, n, 1);
            assertEquals(2.0 + 1 / 2.0, rademacher.values().get("top"), 4 * 0.039, sampler);
            assertEquals(1 - 1 / 4.0, rademacher.values().get("overlap2"), 4 / Math.sqrt(n), sampler);
            Measurement gaussian = run(1.5, "gaussian", sampler, n, 2);
            assertEquals(1.5 + 1 / 1.5, gaussian.values().get("top"), 4 * 0.033, sampler);
            assertEquals(1 - 1 / 2.25, gaussian.values().get("overlap2"), 4 / Math.sqrt(n), sampler);
        }
    }

    @Test
    void belowTheTransitionTheTopEigenvalueSticksToTheEdge() {
        // N = 1000: top = 2 + N^(−2/3)·TW₁ with TW₁ of mean −1.21 and s.d. 1.27, so |top − 2| < 6 N^(−2/3)
        // (mean + 3.8 s.d.). The top eigenvector is delocalised: (v·u)² = O(1), overlap2 = O(1/N);
        // bound 20/N.
        int n = 1000;
        for (String sampler : new String[]{"matrix", "tridiagonal"}) {
            Measurement m = run(0.5, "rademacher", sampler, n, 3);
            assertEquals(2.0, m.values().get("top"), 6 * Math.pow(n, -2.0 / 3.0), sampler);
            assertTrue(m.values().get("overlap2") < 20.0 / n, sampler + ": overlap2 " + m.values().get("overlap2"));
        }
    }

    @Test
    void theSampleIsFollowedAcrossLambda() {
        // One sample for the whole ladder: adding δ·vvᵀ/N (norm δ, positive semidefinite) moves the top
        // eigenvalue up by at most δ (Weyl). Two different samples would differ by the Tracy–Widom
        // scale 1.27·N^(−2/3) ≈ 0.04 at N = 200, far more than δ = 1e-3. Each single-λ run of the
        // same replica sees the same sample too.
        int n = 200;
        double delta = 1e-3;
        double[] lambdas = {0.5, 0.5 + delta, 1.0, 1.0 + delta, 2.0, 2.0 + delta};
        for (String sampler : new String[]{"matrix", "tridiagonal"}) {
            List<Measurement> m = ladder(lambdas, "gaussian", sampler, n, 4);
            for (int k = 0; k < lambdas.length; k += 2) {
                double step = m.get(k + 1).values().get("top") - m.get(k).values().get("top");
                assertTrue(step >= -1e-12 && step <= delta + 1e-12, "top moved by " + step + " at λ = " + lambdas[k]);
                assertEquals(m.get(k).values(), run(lambdas[k], "gaussian", sampler, n, 4).values());
            }
        }
    }

    @Test
    void theOverlapVanishesContinuouslyAtTheEdgeOfTheSpectrum() {
        // At λ → 0 the "outlier" is the top GOE eigenvalue and overlap2 the spike's weight on it, a
        // Porter–Thomas variable of mean 1/N: the secular solution must reach that limit smoothly
        // (the start δ = λ·c_max² and the monotone Newton steps near the pole).
        int n = 300;
        List<Measurement> m = ladder(new double[]{0.0, 1e-9, 1e-6}, "rademacher", "tridiagonal", n, 9);
        double atZero = m.get(0).values().get("overlap2");
        assertEquals(atZero, m.get(1).values().get("overlap2"), 1e-6 * atZero);
        assertEquals(m.get(0).values().get("top"), m.get(1).values().get("top"), 1e-8);
        assertTrue(m.get(2).values().get("top") >= m.get(0).values().get("top"));
    }

    @Test
    void isRegisteredUnderItsId() {
        assertInstanceOf(SpikedWignerModel.class, ModelRegistry.load().find("spiked"));
    }
}
