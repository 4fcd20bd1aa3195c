package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.Curve;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadPointsTest {

    private static Curve line(double from, double to, double slope, double at) {
        double[] x = DoubleStream.iterate(from, v -> v <= to + 1e-12, v -> v + 0.005).toArray();
        return Curve.exact(x, Arrays.stream(x).map(v -> slope * (v - at)).toArray());
    }

    /** Where the two curves cross, as the planner reads it: NaN when they do not. */
    private static double crossing(Curve a, Curve b) {
        return ReadPoints.pairCrossings(Map.of(8, a, 16, b), Set.of(8, 16), Set.of(), 2.27, 1).getOrDefault(8, List.of(Double.NaN)).get(0);
    }

    @Test
    void twoLinesCrossWhereTheyMeet() {
        // a = 2 (x - 2.27), b = -(x - 2.27): they cross at 2.27, found between grid values by interpolation
        assertEquals(2.27, crossing(line(2.20, 2.34, 2, 2.27), line(2.21, 2.33, -1, 2.27)), 1e-9);
    }

    @Test
    void curvesOnDisjointWindowsHaveNoCrossing() {
        // sizes that joined in different rounds, each measured on its own narrow window only: before,
        // TreeMap.subMap threw (fromKey > toKey) and the whole refined run failed in its planner
        double x = crossing(line(2.28, 2.32, 1, 2.30), line(2.26, 2.275, -1, 2.27));
        assertTrue(Double.isNaN(x), "crossing " + x);
    }

    @Test
    void curvesTouchingAtOneValueHaveNoCrossing() {
        double x = crossing(line(2.20, 2.25, 1, 2.30), line(2.25, 2.30, -1, 2.20));
        assertTrue(Double.isNaN(x), "crossing " + x);
    }

    /**
     * Only the sampled sizes' curves pair up: L = 32's coarse curve, crossing L = 16's near 2.06, far
     * from x_c, reads nothing there, and L = 16 pairs with L = 8 alone.
     */
    @Test
    void onlySampledCurvesPairUp() {
        Map<Integer, Curve> curves = Map.of(8, line(2.20, 2.34, 1, 2.27), 16, line(2.0, 2.34, 2, 2.27),
                32, Curve.exact(new double[]{2.0, 2.15, 2.3}, new double[]{-0.8, 0.2, 0.3}));
        assertEquals(Map.of(8, List.of(2.27), 16, List.of(2.27)),
                roundedKeys(ReadPoints.pairCrossings(curves, Set.of(8, 16), Set.of(), 2.27, 1)));
        assertTrue(ReadPoints.pairCrossings(curves, Set.of(8, 16, 32), Set.of(), 2.27, 1).get(32).get(0) < 2.15,
                "the coarse pair's crossing, which the planner no longer reads");
    }

    private static Map<Integer, List<Double>> roundedKeys(Map<Integer, List<Double>> crossings) {
        Map<Integer, List<Double>> out = new java.util.TreeMap<>();
        crossings.forEach((size, x) -> out.put(size, x.stream().map(v -> Math.rint(v * 1e9) / 1e9).toList()));
        return out;
    }

    /**
     * On a refined grid with more than four points within half its transition width of x_c, the
     * read values are all of them, as the analysis' weighted cubic fits them (review finding 5:
     * the planner took the four nearest), and a value the round plans among them is read too; on a
     * coarse grid, the six nearest when a cubic follows them, else fewer: the five values here span
     * the step, whose cubic misses them, so the four nearest are read.
     */
    @Test
    void theReadValuesAreTheOnesTheAnalysisFits() {
        // a tanh step of transition width about 0.11 (a quarter to three quarters of its range),
        // sampled every 0.01 near 2.27 and every 0.1 farther out
        double[] x = {1.9, 2.0, 2.1, 2.2, 2.24, 2.25, 2.26, 2.27, 2.28, 2.29, 2.3, 2.4, 2.5, 2.6};
        double[] y = Arrays.stream(x).map(v -> 0.5 - 0.5 * Math.tanh((v - 2.27) / 0.1)).toArray();
        double[] e = Arrays.stream(x).map(v -> 0.01).toArray();
        int[] n = Arrays.stream(x).mapToInt(v -> 10).toArray();
        Curve curve = Curve.measured(x, y, e, n);
        TreeSet<Double> values = new TreeSet<>(Arrays.stream(x).boxed().toList());
        values.add(2.265);
        TreeSet<Double> read = ReadPoints.of(curve, values, List.of(2.27));
        assertEquals(new TreeSet<>(List.of(2.24, 2.25, 2.26, 2.265, 2.27, 2.28, 2.29, 2.3)), read);
        double[] coarse = {2.0, 2.15, 2.3, 2.45, 2.6};
        Curve step = Curve.measured(coarse, Arrays.stream(coarse).map(v -> 0.5 - 0.5 * Math.tanh((v - 2.27) / 0.1)).toArray(),
                new double[]{0.01, 0.01, 0.01, 0.01, 0.01}, new int[]{3, 3, 3, 3, 3});
        assertEquals(new TreeSet<>(List.of(2.15, 2.3, 2.45, 2.0)),
                ReadPoints.of(step, new TreeSet<>(Arrays.stream(coarse).boxed().toList()), List.of(2.27)));
    }
}
