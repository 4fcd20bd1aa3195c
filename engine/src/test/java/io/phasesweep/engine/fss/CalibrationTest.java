package io.phasesweep.engine.fss;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calibration of the analysis on the {@code synthetic} model: repeated sweeps of one file with
 * independent seeds (1, 2, …), each drawn as {@code phasesweep run} draws it ({@link SyntheticSweep})
 * and analysed, and every estimate's pull (estimate − truth)/stderr tallied per quantity, method and
 * variant; the table is printed. Trials and bootstrap resamples are system properties
 * ({@code -Dfss.trials=…}, {@code -Dfss.bootstrap=…}) as in {@link Coverage}; trials run on the
 * common fork-join pool (each is independent and seeded, so the table does not depend on the order).
 *
 * <p>Three regimes, the same sizes (8 … 64), grid and noise 0.05: pure scaling; corrections to
 * scaling L^(−ω), ω = 1, of amplitude 0.5 in u, −1 in the chi peak and 1.5 in absm, large enough that
 * a fit without a correction term is off by several of its standard errors at these sizes (the test
 * checks that they show); and the same corrections with the sweep file giving ω.
 *
 * <p>The band for every {@code best} row, over 200 trials: the fraction within 1 stderr of the truth
 * in [0.60, 0.80], within 2 stderr at least 0.93. Nominal coverage is 0.683 and 0.954; the binomial
 * spread of an observed fraction over 200 trials is √(0.683·0.317/200) = 0.033 and
 * √(0.954·0.046/200) = 0.015, and bootstrap errors from 100 resamples, themselves uncertain by about
 * 7 %, lower the expected 2σ coverage to about 0.950 (a t-like pull; with 40 resamples the pure
 * regime's x_c fell to 0.925 under the Poisson bootstrap, 0.945 with 100). So error bars exactly at
 * nominal would fall below 0.93 in about one row in ten: the band asks for error bars honest to
 * slightly conservative, as a systematic error meant to cover the variants' disagreement should be.
 * Error bars too large by a factor k cover P(|Z| &lt; k) and P(|Z| &lt; 2k): k = 1.1 gives 0.73 and
 * 0.97, well inside; k ≥ 1.3 (0.81) or k ≤ 0.9 (0.93) fails, as do biases of the size of the error.
 * A best row must also be published in at least 90 % of trials, so that its coverage is not that of
 * the easy trials alone.
 */
class CalibrationTest {
    static final int TRIALS = Integer.getInteger("fss.trials", 200);
    static final int BOOTSTRAP = Integer.getInteger("fss.bootstrap", 100);
    static final double LOW = 0.60;
    static final double HIGH = 0.80;
    static final double LOW_2SE = 0.93;
    static final double PUBLISHED = 0.90;

    /** The synthetic model's parameters of every calibration sweep; the corrections' amplitudes are formatted in. */
    static final String SYNTHETIC = """
            model: synthetic
            seed: 1
            params: {x_c: 2.27, nu: 1.0, gamma_nu: 1.75, beta_nu: 0.125, omega: 1.0, noise: 0.05,
                     u_correction: %s, chi_correction: %s, absm_correction: %s}
            """;

    /** 4 sizes × 11 temperatures × 16 replicas; the window is centred off x_c, as a real sweep's guess is. */
    private static final String SWEEP = "name: calibration\n" + SYNTHETIC + """
            axes:
              T: {center: 2.271, halfwidth: 3, size_exponent: -1, steps: 11}
            sizes: [8, 16, 32, 64]
            replicas: 16
            analysis:%s
              control: T
              crossing: u
              exponents:
                - {quantity: nu, method: collapse, observable: u}
                - {quantity: gamma/nu, method: peak, observable: chi}
                - {quantity: beta/nu, method: at-critical, observable: absm}
            """;
    /** The quantities the sweep asks for, and their best rows. */
    private static final List<String> QUANTITIES = List.of(Quantity.CRITICAL_VALUE.name(), "nu", "gamma/nu", "beta/nu");

    static final SyntheticSweep PURE = SyntheticSweep.parse(SWEEP.formatted(0, 0, 0, ""));
    static final SyntheticSweep CORRECTED = SyntheticSweep.parse(SWEEP.formatted(0.5, -1, 1.5, ""));
    static final SyntheticSweep CORRECTED_OMEGA_GIVEN = SyntheticSweep.parse(SWEEP.formatted(0.5, -1, 1.5, "\n  omega: 1.0"));

    /** Every row's coverage over {@link #TRIALS} sweeps of {@code sweep}, printed under {@code title}. */
    static CoverageTable coverage(String title, SyntheticSweep sweep) {
        return coverage(title, sweep, t -> sweep.withSeed(t).analyze(BOOTSTRAP));
    }

    /** The same for trials analysed by {@code trial} (t = 1, 2, …) with {@code sweep}'s truth. */
    static CoverageTable coverage(String title, SyntheticSweep sweep, IntFunction<AnalysisResult> trial) {
        return coverage(String.format("%s: %d resamples", title, BOOTSTRAP), TRIALS, QUANTITIES, sweep::truth, trial);
    }

    /**
     * Every row's coverage over {@code trials} trials, t = 1, 2, … analysed by {@code trial} (in
     * parallel), of the rows of {@code quantities} (their truth finite) and their best rows.
     */
    static CoverageTable coverage(String title, int trials, List<String> quantities, ToDoubleFunction<String> truth,
                                  IntFunction<AnalysisResult> trial) {
        long start = System.nanoTime();
        List<AnalysisResult> results = IntStream.rangeClosed(1, trials).parallel().mapToObj(trial).toList();
        CoverageTable table = new CoverageTable();
        for (AnalysisResult r : results) {
            for (BoundaryRow b : r.boundaries()) {
                if (!b.oneSize() && !b.finding().isBest() && quantities.contains(Quantity.CRITICAL_VALUE.name())) {
                    add(table, Quantity.CRITICAL_VALUE.name(), b.finding(), truth);
                }
            }
            for (ExponentRow e : r.exponents()) {
                if (!e.finding().isBest() && quantities.contains(e.quantity())) {
                    add(table, e.quantity(), e.finding(), truth);
                }
            }
            for (String q : quantities) {
                Optional<Finding> best = r.best(q, null);
                table.add(q + " " + Finding.BEST, best.map(Finding::value).orElse(Double.NaN),
                        best.map(Finding::stderr).orElse(Double.NaN), best.map(Finding::stderrStat).orElse(Double.NaN),
                        false, truth.applyAsDouble(q));
            }
        }
        System.out.print(table.format(String.format("calibration, %s: %d trials, %.0f s", title, trials,
                (System.nanoTime() - start) / 1e9)));
        return table;
    }

    private static void add(CoverageTable table, String quantity, Finding f, ToDoubleFunction<String> truth) {
        String name = quantity + " " + f.method() + ":" + f.observable()
                + (f.variant().equals(Finding.MAIN) ? "" : "/" + f.variant());
        table.add(name, f.value(), f.stderr(), f.stderrStat(), !f.flags().isEmpty(), truth.applyAsDouble(quantity));
    }

    /** Every best row published in {@link #PUBLISHED} of the trials and inside the band; all failures in one message. */
    private static void assertBestRowsCover(CoverageTable table) {
        assertBestRowsCover(table, QUANTITIES);
    }

    static void assertBestRowsCover(CoverageTable table, List<String> quantities) {
        assertBestRowsCover(table, quantities, HIGH);
    }

    /** As above, with {@code high} for the upper end of the band within 1 stderr (1: a lower bound only). */
    static void assertBestRowsCover(CoverageTable table, List<String> quantities, double high) {
        List<String> failures = new ArrayList<>();
        for (String q : quantities) {
            CoverageTable.Row best = table.row(q + " " + Finding.BEST);
            double published = (double) best.estimated() / best.trials();
            if (published < PUBLISHED) {
                failures.add(String.format("%s best published in %.3f of trials", q, published));
            }
            if (best.within1() < LOW || best.within1() > high) {
                failures.add(String.format("%s best within 1 stderr in %.3f, not in [%.2f, %.2f]", q, best.within1(), LOW, high));
            }
            if (best.within2() < LOW_2SE) {
                failures.add(String.format("%s best within 2 stderr in %.3f < %.2f", q, best.within2(), LOW_2SE));
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void pureScaling() {
        assertBestRowsCover(coverage("pure scaling", PURE));
    }

    /**
     * The known limit, pinned: with corrections this strong at L = 8 … 64 and ω not given, no variant
     * of the data shows the bias (without the smallest size the estimates move the same way), and four
     * sizes cannot fit ω. The best x_c and γ/ν then under-cover (measured: x_c 0.10 within 1 stderr,
     * γ/ν 0.00 where published). The remedy is in the sweep file: give ω, or larger sizes. When the
     * analysis learns to meet this case, this test fails and is to be turned into a band check.
     */
    @Test
    void correctionsToScalingWithoutOmegaUnderCoverAndArePinned() {
        CoverageTable table = coverage("corrections to scaling, omega not given", CORRECTED);
        // the regime tests the corrections only if they show: for x_c and for gamma/nu (the chi peak's
        // correction) some estimate is off by more than two of its standard errors on average
        for (String q : List.of(Quantity.CRITICAL_VALUE.name(), "gamma/nu")) {
            assertTrue(table.rows().entrySet().stream().anyMatch(e -> e.getKey().startsWith(q + " ")
                    && Math.abs(e.getValue().meanPull()) > 2), q + ": the corrections bias no estimate");
            CoverageTable.Row best = table.row(q + " " + Finding.BEST);
            assertTrue(best.within1() < LOW, q + " best covers " + best.within1() + ": the known limit is gone, make this a band check");
        }
    }

    @Test
    void correctionsToScalingWithOmegaGiven() {
        assertBestRowsCover(coverage("corrections to scaling, omega given", CORRECTED_OMEGA_GIVEN));
    }
}
