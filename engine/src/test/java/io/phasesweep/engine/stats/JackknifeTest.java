package io.phasesweep.engine.stats;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JackknifeTest {

    @Test
    void meanErrorIsTheStandardError() {
        double[][] rows = {{1}, {2}, {4}, {8}, {9}};
        Estimate e = Jackknife.deleteOne(rows, m -> new double[]{m[0]})[0];
        Moments m = Moments.of(1, 2, 4, 8, 9);
        assertEquals(m.mean(), e.value(), 1e-14);
        // for a linear statistic the jackknife is exactly s/√n
        assertEquals(m.stdError(), e.error(), 1e-14);
    }

    @Test
    void ratioOfMeansAgreesWithDeltaMethod() {
        // a = 2 + 0.3·g1, b = 5 + 0.4·(0.6·g1 + 0.8·g2): correlated; R = ā / b̄
        RandomGenerator rng = Seeds.generator(17);
        int n = 4000;
        double[][] rows = new double[n][2];
        for (double[] r : rows) {
            double g1 = rng.nextGaussian();
            double g2 = rng.nextGaussian();
            r[0] = 2 + 0.3 * g1;
            r[1] = 5 + 0.4 * (0.6 * g1 + 0.8 * g2);
        }
        Estimate e = Jackknife.deleteOne(rows, m -> new double[]{m[0] / m[1]})[0];
        // delta method with the exact moments: Var R ≈ R²(σa²/a² + σb²/b² − 2 cov/(ab)) / n
        double ratio = 2.0 / 5;
        double delta = ratio * Math.sqrt((0.09 / 4 + 0.16 / 25 - 2 * 0.3 * 0.4 * 0.6 / 10) / n);
        // the jackknife uses the sample moments: their relative error at n = 4000 is ~1/√(2n) ≈ 1.1 %,
        // so 5 % is 4σ; the ratio itself is within 4 delta-method errors of 0.4
        assertEquals(delta, e.error(), 0.05 * delta);
        assertEquals(ratio, e.value(), 4 * delta);
    }

    @Test
    void oneRowHasNoError() {
        Estimate e = Jackknife.deleteOne(new double[][]{{3, 4}}, m -> new double[]{m[0] + m[1]})[0];
        assertEquals(7, e.value());
        assertTrue(Double.isNaN(e.error()));
    }
}
