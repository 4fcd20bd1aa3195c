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

    @Test
    void largeSizesWithFastDriftStayWellConditioned() {
        // Hopfield-like sizes: at the largest scanned exponent (5), 4000^-5 ~ 1e-18 once made the
        // normal equations singular and the whole analysis fail
        double[] l = {500, 1000, 2000, 4000};
        double[] x = Arrays.stream(l).map(v -> 0.138 + 0.6 * Math.pow(v, -0.4)).toArray();
        double[] sigma = {3e-3, 3e-3, 3e-3, 3e-3};
        ShiftFit f = ShiftFit.fit(l, x, sigma);
        // noiseless data again: the truth up to Brent's tolerance
        assertEquals(0.138, f.xc(), 1e-6);
        assertEquals(0.4, f.exponent(), 1e-4);
        assertEquals(0.6, f.amplitude(), 1e-3);
    }
}
