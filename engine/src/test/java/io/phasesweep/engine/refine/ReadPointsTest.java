package io.phasesweep.engine.refine;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadPointsTest {

    private static TreeMap<Double, Double> line(double from, double to, double slope, double at) {
        TreeMap<Double, Double> curve = new TreeMap<>();
        for (double x = from; x <= to + 1e-12; x += 0.005) {
            curve.put(x, slope * (x - at));
        }
        return curve;
    }

    @Test
    void twoLinesCrossWhereTheyMeet() {
        // a = 2 (x - 2.27), b = -(x - 2.27): they cross at 2.27, found between grid values by interpolation
        double x = ReadPoints.crossing(line(2.20, 2.34, 2, 2.27), line(2.21, 2.33, -1, 2.27));
        assertEquals(2.27, x, 1e-9);
    }

    @Test
    void curvesOnDisjointWindowsHaveNoCrossing() {
        // sizes that joined in different rounds, each measured on its own narrow window only: before,
        // TreeMap.subMap threw (fromKey > toKey) and the whole refined run failed in its planner
        double x = ReadPoints.crossing(line(2.28, 2.32, 1, 2.30), line(2.26, 2.275, -1, 2.27));
        assertTrue(Double.isNaN(x), "crossing " + x);
    }

    @Test
    void curvesTouchingAtOneValueHaveNoCrossing() {
        double x = ReadPoints.crossing(line(2.20, 2.25, 1, 2.30), line(2.25, 2.30, -1, 2.20));
        assertTrue(Double.isNaN(x), "crossing " + x);
    }
}
