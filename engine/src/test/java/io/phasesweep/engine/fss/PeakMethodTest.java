package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.models.synthetic.ScalingForms;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The peak's γ/ν on synthetic susceptibilities whose amplitude varies with T, as a real one's does
 * (its 1/T, the scaling fields' T dependence): χ = (1 + a·(T − T_c))·L^(7/4)·exp(−(x − 2)²/4.5),
 * x = (T − T_c)·L (ν = 1), on the grid of the README's first command (L = 8–32, 9 temperatures in
 * 2.269 ± 4/L, 8 replicas). The peak sits at x ≈ 2, so its height carries 1 + 2a/L: a correction
 * L^(−1/ν) that a fit with ω = 7/4 given does not model.
 */
class PeakMethodTest {
    private static final double TC = 2.269185314;
    private static final int[] SIZES = {8, 12, 16, 24, 32};
    private static final ScalingForms FORMS = SyntheticFss.ising(8, 0.02).forms();

    /**
     * One trial's curves: 8 replicas per point, each with relative noise 0.02·(0.6 d + 0.8 e), d
     * shared by a replica along T (as SyntheticFss draws them): a peak height's error about 0.7 %,
     * as on the real 2D Ising runs of the README's first command (0.6–0.8 %).
     */
    private static ResampledCurves curves(double slope, double background, long seed, int bootstrap) {
        return curves(seed, bootstrap, PeakMethodTest::quickGrid, (size, x) -> Math.exp(-(x - 2) * (x - 2) / 4.5), slope, background);
    }

    /** The README's first command's grid at a size: 9 temperatures in 2.269 ± 4/L, 8 replicas each. */
    private static Map<Double, Integer> quickGrid(int size) {
        Map<Double, Integer> grid = new java.util.TreeMap<>();
        for (double t : SyntheticFss.sweepWindow(size, 2.269, 4, -1, 9)) {
            grid.put(t, 8);
        }
        return grid;
    }

    /**
     * Curves of χ = (1 + a·(T − T_c))·L^(7/4)·shape(L, x) + background on a grid of temperature →
     * replicas per size; replica r's noise shares its d along T.
     */
    private static ResampledCurves curves(long seed, int bootstrap, java.util.function.IntFunction<Map<Double, Integer>> grid,
                                          java.util.function.DoubleBinaryOperator shape, double slope, double background) {
        RandomGenerator rng = Seeds.generator(seed);
        List<Sample> samples = new ArrayList<>();
        for (int size : SIZES) {
            Map<Double, Integer> points = grid.apply(size);
            int most = points.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            double[][] offset = new double[most][];
            for (int r = 0; r < most; r++) {
                offset[r] = ScalingForms.normals(rng);
            }
            for (Map.Entry<Double, Integer> point : points.entrySet()) {
                double t = point.getKey();
                double[] truth = FORMS.truth(t, size);
                truth[SyntheticFss.CHI] = (1 + slope * (t - TC)) * Math.pow(size, 1.75) * shape.applyAsDouble(size, (t - TC) * size)
                        + background;
                for (int r = 0; r < point.getValue(); r++) {
                    double[] v = ScalingForms.noisy(truth, 0.02, offset[r], ScalingForms.normals(rng));
                    samples.add(new Sample(new ParamValues(Map.of("T", t)), size, r,
                            Map.of("u", v[SyntheticFss.U], "chi", v[SyntheticFss.CHI], "absm", v[SyntheticFss.ABSM])));
                }
            }
        }
        return SyntheticFss.curves(samples, bootstrap, rng);
    }

    /** {mean pull, rms pull} over the trials of the main estimate against 7/4. */
    private static double[] pulls(double slope, double background, int trials, boolean withShift) {
        double sum = 0;
        double sum2 = 0;
        for (int t = 0; t < trials; t++) {
            ResampledCurves c = curves(slope, background, 5000 + t, 100);
            Variants v = withShift ? PeakMethod.variants(c, SyntheticFss.CHI, 1.75, why -> { })
                    : PowerLaw.variants(c.sizes(), SizeScaling.table(c, (b, s) -> SizeScaling.Peak.around(c.x(s),
                            c.y(b, s, SyntheticFss.CHI), SizeScaling.Peak.top(c.y(0, s, SyntheticFss.CHI))).height()), 1.75);
            ResampledEstimate e = v.main().estimate();
            // the error a row states: statistical and systematic (the variants' disagreement)
            double pull = (e.value() - 1.75) / Math.hypot(e.stderr(), v.sys());
            sum += pull;
            sum2 += pull * pull;
        }
        double[] p = {sum / trials, Math.sqrt(sum2 / trials)};
        System.out.printf("peak gamma/nu, amplitude slope %.2f, background %.2f, %s: mean pull %.3f, rms pull %.3f over %d trials%n",
                slope, background, withShift ? "omega = min(7/4, peak shift)" : "omega = 7/4", p[0], p[1], trials);
        return p;
    }

    /**
     * With a = −0.2 (a correction −0.4/L, about the −0.38/L the real runs' mean peak heights over 30
     * seeds show with γ/ν held at 7/4 and no other correction) the fit with ω = 7/4 alone sits high
     * (mean pull +0.82 over 200 trials; asserted above +0.4, 4 standard errors of a mean pull over
     * 200 trials with rms about 1.2 from 0); corrected with the peak positions' exponent it does not
     * (+0.10; asserted within ±0.25, 3 standard errors). The rms pull (1.01; 1.36 with ω = 7/4) is
     * asserted below 1.5: error bars off by half would fail it.
     */
    @Test
    void aPeakReadAtItsPseudoCriticalPointIsCorrectedAtThePeakShiftsExponent() {
        double[] fix = pulls(-0.2, 0, 200, true);
        double[] given = pulls(-0.2, 0, 200, false);
        assertTrue(given[0] > 0.4, "the fit with omega = 7/4 alone should show the L^-1 correction: mean pull " + given[0]);
        assertEquals(0.0, fix[0], 0.25, "mean pull");
        assertTrue(fix[1] < 1.5, "rms pull " + fix[1]);
    }

    /** Without the amplitude's T dependence the peak positions' exponent is about 1 and the fit stays unbiased. */
    @Test
    void withoutTheAmplitudeSlopeTheCorrectedFitStaysUnbiased() {
        double[] fix = pulls(0.0, 0, 200, true);
        assertEquals(0.0, fix[0], 0.25, "mean pull");
        assertTrue(fix[1] < 1.5, "rms pull " + fix[1]);
    }

    /** Where the positions' drift exponent exceeds ω (3D Ising: 1/ν = 1.59, ω = 0.83) ω stays the sweep's. */
    @Test
    void aGivenOmegaBelowThePeakShiftsExponentIsKept() {
        ResampledCurves c = curves(-0.2, 0, 1, 40);
        List<String> notes = new ArrayList<>();
        Variants v = PeakMethod.variants(c, SyntheticFss.CHI, 0.8, notes::add);
        assertEquals(0.8, v.main().estimate().checks().omega(), 1e-12);
        assertEquals(PowerLaw.GIVEN, v.main().estimate().checks().omegaSource());
        assertTrue(notes.isEmpty(), notes.toString());
        Variants shifted = PeakMethod.variants(c, SyntheticFss.CHI, 1.75, notes::add);
        assertEquals(PeakMethod.PEAK_SHIFT, shifted.main().estimate().checks().omegaSource());
        assertTrue(shifted.main().estimate().checks().omega() < 1.2, "omega " + shifted.main().estimate().checks().omega());
        assertEquals(1, notes.size(), notes.toString());
    }

    /**
     * Both corrections, as the real runs' mean peak heights over 30 seeds show them with γ/ν held at
     * 7/4: 1 − 0.20/L − 0.72·L^(−7/4) (±0.08 and ±0.30): here a = −0.1 and a background −0.7 (a
     * constant, L^(−7/4) against the peak). The fit with ω = 7/4 alone sits high (mean pull +0.48;
     * asserted above +0.3, 4 standard errors from 0); the one at the positions' exponent leaves the
     * L^(−7/4) term and leans low (−0.17; asserted within ±0.25 of 0, about 3 standard errors). The
     * real runs: +0.45 and −0.16 (docs/analysis.md).
     */
    @Test
    void withBothCorrectionsTheCorrectedFitLeansLowByLessThanTheGivenOmegaLeansHigh() {
        double[] fix = pulls(-0.1, -0.7, 200, true);
        double[] given = pulls(-0.1, -0.7, 200, false);
        assertTrue(given[0] > 0.3, "the fit with omega = 7/4 alone should show the L^-1 correction: mean pull " + given[0]);
        assertEquals(0.0, fix[0], 0.25, "mean pull");
        assertTrue(Math.abs(fix[0]) < Math.abs(given[0]), "mean pulls " + fix[0] + " against " + given[0]);
    }

    /**
     * The first test's curves, but L = 24's peak falls slower on its high side (a Gaussian below
     * x = 2, a Lorentzian above), so the parabola in log χ through its five points around the top
     * misses them and its position is the grid's, as a size of the README's first command does on
     * some seeds. The positions' drift is then fitted on the four other sizes: every trial notes it
     * (199 of 200; asserted in at least 190: the misfit check may pass L = 24 by chance, or reject
     * another size at its 1 %), and γ/ν stays unbiased (mean pull +0.05 over 200 trials, asserted
     * within ±0.25, 3 standard errors; rms pull 1.08, asserted below 1.5). Falling back to the given
     * ω = 7/4 wherever a top misses, as before, sat high (mean pull +0.78, rms 1.34, on the same
     * trials: it fails the mean's assert).
     */
    @Test
    void aTopItsParabolaMissesLeavesThePeakShiftToTheOtherSizes() {
        double sum = 0;
        double sum2 = 0;
        int withoutL24 = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            ResampledCurves c = curves(5000 + t, 100, PeakMethodTest::quickGrid,
                    (size, x) -> size == 24 ? lopsidedPeak(x) : Math.exp(-(x - 2) * (x - 2) / 4.5), -0.2, 0);
            List<String> notes = new ArrayList<>();
            Variants v = PeakMethod.variants(c, SyntheticFss.CHI, 1.75, notes::add);
            withoutL24 += notes.stream().anyMatch(n -> n.contains("fitted without L=24,")) ? 1 : 0;
            double pull = pull(v);
            sum += pull;
            sum2 += pull * pull;
        }
        double mean = sum / trials;
        double rms = Math.sqrt(sum2 / trials);
        System.out.printf("L = 24's top missed by its parabola: drift fitted without it in %d of %d trials; gamma/nu mean pull %.3f,"
                + " rms pull %.3f%n", withoutL24, trials, mean, rms);
        assertTrue(withoutL24 >= 190, withoutL24 + " of " + trials + " trials");
        assertEquals(0.0, mean, 0.25, "mean pull");
        assertTrue(rms < 1.5, "rms pull " + rms);
    }

    /** A peak that falls slower on its high side: a Gaussian below x = 2, a Lorentzian above. */
    private static double lopsidedPeak(double x) {
        return x < 2 ? Math.exp(-(x - 2) * (x - 2) / 4.5) : 1 / (1 + (x - 2) * (x - 2) / 4);
    }

    /**
     * A refined grid's peak: each size sampled densely (40 replicas, x = (T − T_c)·L from −2 to 1.5
     * by 0.5) up to just below its peak at x = 2, and otherwise only at the coarse first grid's
     * T = 2.35, 2.45, 2.6 (4 replicas; at L = 8 the first two fall inside the dense range), the
     * peak falling slower on its high side (a Gaussian below x = 2, a Lorentzian above), as 2D
     * Ising's χ on ising2d-refine's windows. The parabola in log χ
     * through the five points around the top follows neither flank, and the coarse points sit at
     * other x at every size, so the heights' bias changes with size and the power law takes it up,
     * unseen by the bootstrap over the points (rms pull 5.8 over 100 trials; asserted above 3).
     * Widened by each size's misfit the rms pull is 1.02 (asserted within [0.7, 1.3]: the errors
     * cover the truth at about the stated rate, not by being made huge), and every trial notes the
     * widened sizes.
     */
    @Test
    void aPeakTheParabolaCannotFollowWidensItsHeightsErrors() {
        double sumPlain = 0;
        double sumWidened = 0;
        int trials = 100;
        for (int t = 0; t < trials; t++) {
            ResampledCurves c = curves(7000 + t, 100, PeakMethodTest::lopsided,
                    (size, x) -> lopsidedPeak(x), 0, 0);
            List<String> notes = new ArrayList<>();
            Variants widened = PeakMethod.variants(c, SyntheticFss.CHI, null, notes::add);
            Variants plain = PowerLaw.variants(c.sizes(), SizeScaling.table(c, (b, s) -> SizeScaling.Peak.around(c.x(s),
                    c.y(b, s, SyntheticFss.CHI), SizeScaling.Peak.top(c.y(0, s, SyntheticFss.CHI))).height()), null);
            assertTrue(notes.stream().anyMatch(n -> n.contains("misses the points around the top")), notes.toString());
            sumPlain += Math.pow(pull(plain), 2);
            sumWidened += Math.pow(pull(widened), 2);
        }
        double rmsPlain = Math.sqrt(sumPlain / trials);
        double rmsWidened = Math.sqrt(sumWidened / trials);
        System.out.printf("lopsided peak grid: rms pull %.2f plain, %.2f widened by the misfit%n", rmsPlain, rmsWidened);
        assertTrue(rmsPlain > 3, "the plain bootstrap should miss the grid's bias: rms pull " + rmsPlain);
        assertTrue(rmsWidened > 0.7 && rmsWidened < 1.3, "rms pull " + rmsWidened);
    }

    /** The main estimate's pull against 7/4, by the error a row states (statistical and the variants' disagreement). */
    private static double pull(Variants v) {
        ResampledEstimate e = v.main().estimate();
        return (e.value() - 1.75) / Math.hypot(e.stderr(), v.sys());
    }

    /**
     * The same lopsided grid under a Gaussian peak, which the parabola in log χ follows exactly:
     * the check then rejects a size's parabola by chance only, at its nominal 1 %, so about 5 % of
     * trials of five sizes note one (10 of 200 expected; asserted at most 20, 3 standard deviations
     * of the binomial above). Judged with its points' equal weights on this grid of 40 and 4
     * replicas, the check had rejected 6–10 % of sizes (review, 2026-12-06).
     */
    @Test
    void aParabolaThatFollowsItsPeakIsRarelyWidened() {
        int noted = 0;
        for (int t = 0; t < 200; t++) {
            ResampledCurves c = curves(9000 + t, 10, PeakMethodTest::lopsided, (size, x) -> Math.exp(-(x - 2) * (x - 2) / 4.5), 0, 0);
            List<String> notes = new ArrayList<>();
            PeakMethod.variants(c, SyntheticFss.CHI, null, notes::add);
            noted += notes.stream().anyMatch(n -> n.contains("misses the points around the top")) ? 1 : 0;
        }
        System.out.printf("lopsided grid, Gaussian peak: %d of 200 trials widen a size%n", noted);
        assertTrue(noted <= 20, noted + " of 200 trials");
    }

    /**
     * A refined grid at a size: 40 replicas at x = (T − T_c)·L from −2 to 1.5 by 0.5, the coarse first
     * grid's T = 2.35, 2.45, 2.6 at 4.
     */
    private static Map<Double, Integer> lopsided(int size) {
        Map<Double, Integer> grid = new java.util.TreeMap<>();
        for (double x = -2; x <= 1.5; x += 0.5) {
            grid.put(TC + x / size, 40);
        }
        for (double coarse : new double[]{2.35, 2.45, 2.6}) {
            grid.putIfAbsent(coarse, 4);
        }
        return grid;
    }
}
