package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.ReplicaData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResampledPointTest {
    private static final ObservableSet SET = new ObservableSet(List.of("y"), List.of());

    private static ReplicaData point(double t, int size, int[] replicas, double[] y) {
        double[][] values = Arrays.stream(y).mapToObj(v -> new double[]{v}).toArray(double[][]::new);
        return new ReplicaData(new PointKey(new ParamValues(Map.of("T", t)), size), replicas, values);
    }

    private static double[] resampled(ResampledPoint p) {
        return Arrays.stream(p.resampled()).mapToDouble(r -> r[0]).toArray();
    }

    @Test
    void aReplicaWeighsTheSameAtEveryControlValueAndNotAcrossSizes() {
        int[] ids = {0, 1, 2, 3, 4, 5};
        double[] y = {0.3, 1.7, -0.4, 2.2, 0.9, 1.1};
        double[] atT1 = resampled(ResampledPoint.of(point(1.0, 8, ids, y), 0, SET, 50, 9));
        double[] atT2 = resampled(ResampledPoint.of(point(2.0, 8, ids, y), 0, SET, 50, 9));
        double[] otherSize = resampled(ResampledPoint.of(point(1.0, 16, ids, y), 0, SET, 50, 9));
        assertArrayEquals(atT1, atT2, 0.0, "same replicas, same values, other control value: the same resamples");
        assertFalse(Arrays.equals(atT1, otherSize), "sizes are resampled independently");
        assertTrue(Arrays.stream(atT1).distinct().count() > 40, "resamples differ from each other");
    }

    @Test
    void aResampleWithEveryWeightZeroDrawsAgain() {
        // one replica weighs 0 in about 37 % of resamples; each resample must still have its value
        ResampledPoint p = ResampledPoint.of(point(1.0, 8, new int[]{4}, new double[]{2.5}), 1, SET, 100, 9);
        assertArrayEquals(new double[100], Arrays.stream(resampled(p)).map(v -> v - 2.5).toArray(), 0.0);
        assertEquals(1, p.replicas());
        assertEquals(1, p.failed());
        assertEquals(Double.NaN, p.errors()[0], "a single replica has no jackknife error");
    }
}
