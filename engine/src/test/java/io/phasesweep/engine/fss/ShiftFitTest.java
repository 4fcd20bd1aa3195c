package io.phasesweep.engine.fss;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShiftFitTest {

    @Test
    void exactDriftIsRecovered() {
        double[] l = {8, 16, 32, 64, 128};
        double[] x = Arrays.stream(l).map(v -> 2.27 + 0.8 * Math.pow(v, -1.3)).toArray();
        double[] sigma = {1e-3, 1e-3, 1e-3, 1e-3, 1e-3};
        ShiftFit f = ShiftFit.fit(l, x, sigma);
        // noiseless data: the minimum of χ² is the truth up to Brent's tolerance
        assertEquals(2.27, f.xc(), 1e-7);
        assertEquals(1.3, f.exponent(), 1e-4);
        assertEquals(0.8, f.amplitude(), 1e-4);
        assertEquals(2, f.dof());
        assertEquals(0.0, f.chi2(), 1e-6);
    }
}
