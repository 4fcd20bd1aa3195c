package io.phasesweep.engine.models.spiked;

import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.Seeds;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpikedWignerModelTest {
    private final SpikedWignerModel model = new SpikedWignerModel();

    private Measurement run(double lambda, String prior, int n, int replica) {
        ParamValues params = new ParamValues(Map.of("lambda", lambda, "prior", prior));
        Point p = new Point("test", "spiked", "N=" + n + "|lambda=" + lambda + "|r=" + replica, params, n, replica,
                Seeds.disorder(7, n, replica), Seeds.dynamics(7, "x"), Map.of());
        return model.run(p, new RandomStreams(Seeds.generator(p.disorderSeed()), Seeds.generator(p.dynamicsSeed())),
                Deadline.none());
    }

    @Test
    void eigenpairSolvesYuEqualsTopU() {
        int n = 120;
        SpikedWigner sample = SpikedWigner.draw(n, SpikedWigner.Prior.GAUSSIAN, Seeds.generator(3));
        double[] y = sample.matrix(1.7);
        TopEigenpair top = TopEigenpair.of(y.clone(), n);
        double maxResidual = 0;
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            double yu = 0;
            for (int j = 0; j < n; j++) {
                yu += y[i + j * n] * top.vector()[j];
            }
            maxResidual = Math.max(maxResidual, Math.abs(yu - top.value() * top.vector()[i]));
            norm2 += top.vector()[i] * top.vector()[i];
        }
        // dsyevr is backward stable: residuals of order N·ε·|Y| ≈ 1e-13.
        assertTrue(maxResidual < 1e-11, "residual " + maxResidual);
        assertEquals(1.0, norm2, 1e-12);
        // It is the largest eigenvalue, as an independent solver finds it.
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = y[i + j * n];
            }
        }
        double[] all = new EigenDecomposition(new Array2DRowRealMatrix(rows)).getRealEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        for (double e : all) {
            max = Math.max(max, e);
        }
        assertEquals(max, top.value(), 1e-12);
    }

    @Test
    void aboveTheTransitionTheTopEigenpairDetachesAsBbpPredicts() {
        // N = 1000: the outlier fluctuates on the scale sqrt(2(1 − 1/λ²)/N) (GOE, delocalised spike),
        // 0.039 at λ = 2 and 0.033 at λ = 1.5, and its bias is O(1/N); tolerance 4 of those scales.
        // The overlap fluctuates on the scale N^(−1/2) ≈ 0.032; tolerance 4 N^(−1/2).
        int n = 1000;
        Measurement rademacher = run(2.0, "rademacher", n, 1);
        assertEquals(2.0 + 1 / 2.0, rademacher.values().get("top"), 4 * 0.039);
        assertEquals(1 - 1 / 4.0, rademacher.values().get("overlap2"), 4 / Math.sqrt(n));
        Measurement gaussian = run(1.5, "gaussian", n, 2);
        assertEquals(1.5 + 1 / 1.5, gaussian.values().get("top"), 4 * 0.033);
        assertEquals(1 - 1 / 2.25, gaussian.values().get("overlap2"), 4 / Math.sqrt(n));
    }

    @Test
    void belowTheTransitionTheTopEigenvalueSticksToTheEdge() {
        // N = 1000: top = 2 + N^(−2/3)·TW₁ with TW₁ of mean −1.21 and s.d. 1.27, so |top − 2| < 6 N^(−2/3)
        // (mean + 3.8 s.d.). The top eigenvector is delocalised: (v·u)² = O(1), overlap2 = O(1/N);
        // bound 20/N.
        int n = 1000;
        Measurement m = run(0.5, "rademacher", n, 3);
        assertEquals(2.0, m.values().get("top"), 6 * Math.pow(n, -2.0 / 3.0));
        assertTrue(m.values().get("overlap2") < 20.0 / n, "overlap2 " + m.values().get("overlap2"));
    }

    @Test
    void theSampleIsFollowedAcrossLambda() {
        // Same W and v at every λ: adding δ·vvᵀ/N (norm δ, positive semidefinite) moves the top
        // eigenvalue up by at most δ (Weyl). Two different samples would differ by the Tracy–Widom
        // scale 1.27·N^(−2/3) ≈ 0.04 at N = 200, far more than δ = 1e-3.
        int n = 200;
        double delta = 1e-3;
        for (double lambda : new double[]{0.5, 1.0, 2.0}) {
            double step = run(lambda + delta, "gaussian", n, 4).values().get("top")
                    - run(lambda, "gaussian", n, 4).values().get("top");
            assertTrue(step >= -1e-12 && step <= delta + 1e-12, "top moved by " + step + " at λ = " + lambda);
        }
    }

    @Test
    void isRegisteredUnderItsId() {
        assertInstanceOf(SpikedWignerModel.class, ModelRegistry.load().find("spiked"));
    }
}
