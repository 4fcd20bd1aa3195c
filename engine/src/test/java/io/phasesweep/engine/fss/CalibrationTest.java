package io.phasesweep.engine.fss;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calibration of the analysis on the {@code synthetic} model: repeated sweeps of one file with
 * independent seeds, each run and analysed as {@code phasesweep run} would, and every estimate's
 * pull (estimate − truth)/stderr tallied per quantity and method. Trials and bootstrap resamples are
 * system properties ({@code -Dfss.trials=…}, {@code -Dfss.bootstrap=…}) as in {@link Coverage}; the
 * defaults keep the two regimes under about three minutes on two cores.
 *
 * <p>Two regimes, the same sizes (8 … 64), grid and noise: pure scaling, and corrections to scaling
 * L^(−ω) (ω = 1) of amplitude 0.5 in u, −1 in the chi peak and 1.5 in absm, large enough that
 * a fit without a correction term is biased by several of its standard errors at these sizes.
 */
class CalibrationTest {
    static final int TRIALS = Integer.getInteger("fss.trials", 200);
    static final int BOOTSTRAP = Integer.getInteger("fss.bootstrap", 40);

    /** 4 sizes × 11 temperatures × 16 replicas; the window is centred off x_c, as a real sweep's guess is. */
    private static final String SWEEP = """
            name: calibration
            model: synthetic
            seed: 1
            params: {x_c: 2.27, nu: 1.0, gamma_nu: 1.75, beta_nu: 0.125, omega: 1.0, noise: 0.05,
                     u_correction: %s, chi_correction: %s, absm_correction: %s}
            axes:
              T: {center: 2.271, halfwidth: 3, size_exponent: -1, steps: 11}
            sizes: [8, 16, 32, 64]
            replicas: 16
            analysis:
              control: T
              crossing: u
              exponents:
                - {quantity: nu, method: collapse, observable: u}
                - {quantity: gamma/nu, method: peak, observable: chi}
                - {quantity: beta/nu, method: at-critical, observable: absm}
            """;

    static final SyntheticSweep PURE = SyntheticSweep.parse(SWEEP.formatted(0, 0, 0));
    static final SyntheticSweep CORRECTED = SyntheticSweep.parse(SWEEP.formatted(0.5, -1, 1.5));

    /** Every row's coverage over {@link #TRIALS} sweeps of {@code sweep} with seeds 1, 2, …. */
    static CoverageTable coverage(SyntheticSweep sweep) {
        CoverageTable table = new CoverageTable();
        for (int t = 1; t <= TRIALS; t++) {
            AnalysisResult r = sweep.withSeed(t).analyze(BOOTSTRAP);
            for (BoundaryRow b : r.boundaries()) {
                if (!b.oneSize()) {
                    table.add("x_c " + b.method(), b.criticalValue(), b.stderr(), sweep.truth("x_c"));
                }
            }
            for (ExponentRow e : r.exponents()) {
                table.add(e.quantity() + " " + e.method(), e.value(), e.stderr(), sweep.truth(e.quantity()));
            }
        }
        return table;
    }

    @Test
    void pureScaling() {
        long start = System.nanoTime();
        CoverageTable table = coverage(PURE);
        System.out.print(table.format(String.format("calibration, pure scaling: %d trials, %d resamples, %.0f s",
                TRIALS, BOOTSTRAP, (System.nanoTime() - start) / 1e9)));
    }

    @Test
    void correctionsToScaling() {
        long start = System.nanoTime();
        CoverageTable table = coverage(CORRECTED);
        System.out.print(table.format(String.format("calibration, corrections to scaling: %d trials, %d resamples, %.0f s",
                TRIALS, BOOTSTRAP, (System.nanoTime() - start) / 1e9)));
        // the regime is a test only if the corrections show: fits without a correction term are off by
        // more than two of their standard errors on average (9 for the chi peak, 3.7 for x_c by collapse)
        for (String naive : new String[]{"gamma/nu peak:chi", "x_c collapse:u"}) {
            assertTrue(Math.abs(table.row(naive).meanPull()) > 2, naive + ": corrections too small to bias it");
        }
    }
}
