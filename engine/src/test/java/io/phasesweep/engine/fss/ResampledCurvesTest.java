package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.Bootstrap;
import io.phasesweep.engine.stats.Moments;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.ReplicaData;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResampledCurvesTest {
    private static final ObservableSet SET = new ObservableSet(List.of("y"), List.of());

    /**
     * Replica r carries the same value d_r at all 10 control values (pure disorder noise). The mean
     * of a curve over x is then the mean of the 32 d_r, with standard error s/√32. Resampling
     * replicas jointly along the curve reproduces that; resampling each point on its own would
     * shrink it by √10.
     */
    @Test
    void disorderSharedAlongTheCurveIsResampledJointly() {
        RandomGenerator rng = Seeds.generator(51);
        int replicas = 32;
        double[] d = rng.doubles(replicas).map(u -> rng.nextGaussian()).toArray();
        List<ResampledPoint> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PointKey key = new PointKey(new ParamValues(Map.of("T", 1.0 + 0.1 * i)), 8);
            List<Sample> rows = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                rows.add(new Sample(key.params(), 8, r, Map.of("y", d[r])));
            }
            points.add(ResampledPoint.of(ReplicaData.of(key, rows, SET), 0, SET, 2000, 52));
        }
        int resamples = 2000;
        ResampledCurves c = ResampledCurves.of(points, "T");
        double[] curveMeans = new double[resamples];
        for (int b = 1; b <= resamples; b++) {
            curveMeans[b - 1] = Moments.of(c.y(b, 0, 0)).mean();
        }
        double expected = Moments.of(d).stdError() * Math.sqrt((replicas - 1.0) / replicas);
        // 2000 resamples: the bootstrap std is good to ~1.6 %, so 7 % is over 4σ; independent
        // resampling would give expected/√10, far outside
        assertEquals(expected, Bootstrap.finite(curveMeans).std(), 0.07 * expected);
        assertEquals(Moments.of(d).stdError(), c.error(0, 0)[3], 1e-12);
    }

    /**
     * A probability's point counts when at least one replica's worth of events separates its mean
     * from 0 and from 1 (n·y ≥ 1 and n·(1 − y) ≥ 1): for 0/1 replicas that is every point whose
     * replicas differ, for smooth ones (percolation's binomial tails) it leaves out the points one
     * replica decides. Other observables' points always count.
     */
    @Test
    void aProbabilityCountsFromOneReplicasWorthOffItsBounds() {
        ObservableSet set = new ObservableSet(List.of("p", "y"), List.of(), Set.of("p"));
        double[][] replicaValues = {
            {1e-22, 0, 0, 0},          // one replica's binomial tail: n·y = 1e-22
            {0.6, 0.2, 0.1, 0},        // n·y = 0.9
            {0.7, 0.2, 0.1, 0.1},      // n·y = 1.1
            {1, 0, 0, 0},              // a 0/1 event in one of four: n·y = 1
            {1, 1, 1, 0.9},            // n·(1 − y) = 0.1
            {0, 0, 0, 0}};             // no event: no error either
        List<ResampledPoint> points = new ArrayList<>();
        for (int i = 0; i < replicaValues.length; i++) {
            PointKey key = new PointKey(new ParamValues(Map.of("T", (double) i)), 8);
            List<Sample> rows = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                rows.add(new Sample(key.params(), 8, r, Map.of("p", replicaValues[i][r], "y", replicaValues[i][r])));
            }
            points.add(ResampledPoint.of(ReplicaData.of(key, rows, set), 0, set, 0, 53));
        }
        ResampledCurves c = ResampledCurves.of(points, "T", set);
        boolean[] expected = {false, false, true, true, false, false};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], c.resolved(0, i, 0), "probability, point " + i);
            assertTrue(c.resolved(0, i, 1), "plain observable, point " + i);
        }
        assertTrue(ResampledCurves.of(points, "T").resolved(0, 0, 0), "without the set no observable is a probability");
    }
}
