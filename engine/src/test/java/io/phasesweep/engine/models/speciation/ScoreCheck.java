package io.phasesweep.engine.models.speciation;

import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A score against the central difference of a log-density, coordinate by coordinate. */
final class ScoreCheck {
    private ScoreCheck() {
    }

    static void assertGradient(ToDoubleFunction<double[]> logDensity, double[] x, double[] score, double relative,
                               String where) {
        double h = 1e-5;
        for (int i = 0; i < x.length; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (logDensity.applyAsDouble(up) - logDensity.applyAsDouble(down)) / (2 * h);
            assertEquals(numeric, score[i], relative * Math.max(1, Math.abs(numeric)), where + ", coordinate " + i);
        }
    }
}
