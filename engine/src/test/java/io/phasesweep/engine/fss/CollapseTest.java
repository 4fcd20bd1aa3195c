package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollapseTest {
    private static final int[] SIZES = {8, 16, 32, 64};

    private static ResampledCurves curves(SyntheticFss model, int bootstrap, long seed) {
        return model.curves(SIZES, 1.5, 11, bootstrap, Seeds.generator(seed));
    }

    @Test
    void qualityIsAboutOneAtTheTruthAndLargeAway() {
        SyntheticFss model = SyntheticFss.ising(16, 0.05);
        ResampledCurves c = curves(model, 2, 21);
        double atTruth = Collapse.quality(c, 0, SyntheticFss.U, 2.27, 1.0, 0.0);
        // S averages ~40 terms of unit variance each, partly correlated (shared disorder): a spread
        // of a few tenths, so [0.4, 2] is a generous band for "consistent within errors"
        assertTrue(atTruth > 0.4 && atTruth < 2.0, "S at truth " + atTruth);
        double wrongNu = Collapse.quality(c, 0, SyntheticFss.U, 2.27, 2.0, 0.0);
        assertTrue(wrongNu > 10 * atTruth, "S with 1/nu = 2: " + wrongNu);
    }

    @Test
    void dimensionlessCollapseRecoversCriticalValueAndNu() {
        Collapse.Result r = Collapse.run(curves(SyntheticFss.ising(16, 0.05), 100, 22), SyntheticFss.U, false);
        // 4 standard errors each
        assertEquals(2.27, r.xc().value(), 4 * r.xc().stderr());
        assertEquals(1.0, r.inverseNu().value(), 4 * r.inverseNu().stderr());
        assertTrue(r.inverseNu().stderr() < 0.1, "1/nu error " + r.inverseNu().stderr());
        assertEquals(0.0, r.power().value());
        assertTrue(r.xc().quality().startsWith("S="), r.xc().quality());
    }

    @Test
    void susceptibilityCollapseRecoversGammaOverNu() {
        Collapse.Result r = Collapse.run(curves(SyntheticFss.ising(16, 0.05), 60, 23), SyntheticFss.CHI, true);
        assertEquals(1.75, r.power().value(), 4 * r.power().stderr());
        assertEquals(1.0, r.inverseNu().value(), 4 * r.inverseNu().stderr());
        assertTrue(r.power().stderr() < 0.1, "gamma/nu error " + r.power().stderr());
    }

    @Test
    void nuErrorBarsCoverTheTruthAtNominalRate() {
        SyntheticFss model = SyntheticFss.ising(16, 0.05);
        Coverage.check("collapse nu", 200, 40, (t, bootstrap) -> {
            ResampledEstimate nu = Collapse.run(curves(model, bootstrap, 2000 + t), SyntheticFss.U, false)
                    .inverseNu().map(v -> 1 / v);
            return new double[]{nu.value(), nu.stderr()};
        }, 1.0);
    }
}
