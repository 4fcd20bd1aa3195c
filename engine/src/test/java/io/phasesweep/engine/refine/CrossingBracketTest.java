package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.fss.SyntheticSweep;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bracket of a crossing read off measured points, on hand-made curves whose order is known. */
class CrossingBracketTest {
    private static final SweepSpec SPEC = SyntheticSweep.parse("""
            name: bracket-test
            model: synthetic
            seed: 1
            params: {x_c: 2.27, nu: 1.0, noise: 0.05}
            axes:
              T: {from: 2.0, to: 2.6, steps: 5}
            sizes: [8, 16, 32]
            replicas: 3
            analysis:
              control: T
              crossing: u
            """).spec();
    private static final double[] T = {2.0, 2.15, 2.3, 2.45, 2.6};

    /**
     * Below the crossing the larger size lies above, beyond it below; on the ordered plateau (2.0)
     * the sizes agree within their errors, and a difference there of the wrong sign but under 3
     * errors makes no change of order. Pairs crossing in different intervals widen the bracket to
     * their union: pair crossings drift with size.
     */
    @Test
    void theBracketIsTheUnionOfThePairsSignificantChangesOfOrder() {
        List<PointRow> points = new ArrayList<>();
        // L = 8 crosses the others between 2.15 and 2.30; L = 16 and 32 cross between 2.30 and 2.45
        add(points, 8, new double[]{0.660, 0.620, 0.600, 0.450, 0.300}, 0.002);
        add(points, 16, new double[]{0.662, 0.630, 0.560, 0.380, 0.200}, 0.002);
        add(points, 32, new double[]{0.659, 0.650, 0.590, 0.300, 0.100}, 0.002);
        CrossingBracket b = CrossingBracket.of(SPEC, points, null).orElseThrow();
        assertEquals(2.15, b.low(), 1e-12);
        assertEquals(2.45, b.high(), 1e-12);
        assertEquals(2.30, b.middle(), 1e-12);
        assertEquals(0.15, b.halfWidth(), 1e-12);
    }

    /** Curves that never change order beyond their errors (a plateau, or a window that misses x_c) give no bracket. */
    @Test
    void curvesThatKeepTheirOrderGiveNone() {
        List<PointRow> points = new ArrayList<>();
        add(points, 8, new double[]{0.660, 0.640, 0.600, 0.550, 0.500}, 0.002);
        add(points, 16, new double[]{0.661, 0.650, 0.620, 0.580, 0.530}, 0.002);
        // within 3 combined errors of L = 16 at 2.0 and 2.15, below it there, above it after
        add(points, 32, new double[]{0.658, 0.645, 0.630, 0.590, 0.560}, 0.002);
        Optional<CrossingBracket> b = CrossingBracket.of(SPEC, points, null);
        assertTrue(b.isEmpty(), b.toString());
    }

    /**
     * In a saturated tail a bounded observable's errors vanish: differences of many errors but a
     * thousandth of the range (percolation's wrapping probability, 0.999 ± 0.0003 against 1 ± 0)
     * change no order; the crossing between 2.15 and 2.30 is the bracket (counted, the tail's would widen it to 2.60).
     */
    @Test
    void aSaturatedTailDoesNotBracket() {
        List<PointRow> points = new ArrayList<>();
        add(points, 8, new double[]{0.10, 0.40, 0.70, 0.9990, 1.0}, new double[]{0.04, 0.07, 0.05, 0.0003, 0});
        add(points, 16, new double[]{0.00, 0.10, 0.95, 1.0, 0.9995}, new double[]{0.001, 0.04, 0.02, 0, 0.0001});
        CrossingBracket b = CrossingBracket.of(SPEC, points, null).orElseThrow();
        assertEquals(2.15, b.low(), 1e-12);
        assertEquals(2.30, b.high(), 1e-12);
    }

    private static void add(List<PointRow> points, int size, double[] u, double[] errors) {
        for (int k = 0; k < T.length; k++) {
            points.add(new PointRow(new ParamValues(Map.of("T", T[k])), size, 3, 0, Map.of("u", new Estimate(u[k], errors[k]))));
        }
    }

    private static void add(List<PointRow> points, int size, double[] u, double error) {
        double[] errors = new double[u.length];
        java.util.Arrays.fill(errors, error);
        add(points, size, u, errors);
    }
}
