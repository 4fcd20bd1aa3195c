package io.phasesweep.engine.stats;

import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.ParamValues;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplicaDataTest {
    private static final ObservableSet SET = new ObservableSet(List.of("m2", "m4"), List.of(
            new DerivedObservable("binder", "", List.of("m2", "m4"), (m, p, size) -> 1 - m[1] / (3 * m[0] * m[0]))));
    private static final PointKey KEY = new PointKey(new ParamValues(Map.of("T", 2.0)), 8);

    private static Sample sample(int replica, double m2, double m4) {
        return new Sample(KEY.params(), 8, replica, Map.of("m2", m2, "m4", m4));
    }

    @Test
    void derivedIsRatioOfAveragesNotAverageOfRatios() {
        ReplicaData d = ReplicaData.of(KEY, List.of(sample(1, 1, 2), sample(0, 3, 20)), SET);
        assertEquals(0, d.replicas()[0], "sorted by replica id");
        Estimate[] e = d.aggregate(SET);
        assertEquals(2.0, e[0].value(), 1e-15);
        assertEquals(11.0, e[1].value(), 1e-15);
        assertEquals(1 - 11.0 / 12, e[2].value(), 1e-15);
        // two replicas: leaving one out leaves the other, θ = 1 − 2/3 and 1 − 20/27, and
        // √((n−1)/n·Σ(θᵢ − θ̄)²) = |θ₀ − θ₁|/2
        double t0 = 1 - 2.0 / 3;
        double t1 = 1 - 20.0 / 27;
        assertEquals(Math.abs(t0 - t1) / 2, e[2].error(), 1e-15);
        // weights (2, 0): only replica 0
        assertEquals(1 - 20.0 / 27, d.evaluate(new int[]{2, 0}, SET)[2], 1e-15);
    }

    @Test
    void missingObservableIsAnError() {
        Sample bad = new Sample(KEY.params(), 8, 0, Map.of("m2", 1.0));
        assertThrows(IllegalArgumentException.class, () -> ReplicaData.of(KEY, List.of(bad), SET));
    }

    @Test
    void derivedInputsMustBeMeasured() {
        assertThrows(IllegalArgumentException.class, () -> new ObservableSet(List.of("m2"), SET.derived()));
    }
}
