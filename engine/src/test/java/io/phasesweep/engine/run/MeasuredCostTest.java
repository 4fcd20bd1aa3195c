package io.phasesweep.engine.run;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeasuredCostTest {
    /** The static estimate of a point of size L: L^2 (a sweep of the lattice). */
    private static final ToDoubleFunction<Task> LATTICE = task -> (double) task.size() * task.size();

    /** One point of size L at temperature t, replica r, whose static estimate is L^2 (a sweep of the lattice). */
    private static PointGroup unit(int size, double t, int replica) {
        String key = "size=" + size + "|T=" + t + "|r=" + replica;
        Point p = new Point("s", "m", key, new Task(new ParamValues(Map.of("T", t)), size, new Budget(Map.of())),
                replica, 1L, 2L);
        return new PointGroup(key, List.of(p), 1L, 2L, (double) size * size);
    }

    private static List<Point> sweep(int replicas) {
        List<Point> out = new ArrayList<>();
        for (int size : new int[] {8, 16, 64}) {
            for (double t : new double[] {2.2, 2.3}) {
                for (int r = 0; r < replicas; r++) {
                    out.add(unit(size, t, r).points().get(0));
                }
            }
        }
        return out;
    }

    @Test
    void siteIsTheKeyWithoutItsReplica() {
        assertEquals("size=16|T=2.3", MeasuredCost.site("size=16|T=2.3|r=12"));
        assertEquals("size=16|T=2.3|batch=0", MeasuredCost.site("size=16|T=2.3|batch=0"));
    }

    @Test
    void withoutMeasurementsTheStaticEstimatesStay() {
        MeasuredCost cost = MeasuredCost.of(sweep(2), LATTICE, Map.of());
        assertEquals(256.0, cost.cost(unit(16, 2.2, 5)));
    }

    @Test
    void measuredSitesCostTheirMeanAndOthersTheirSizesRate() {
        // size 8 measured at both temperatures, size 16 at one; 64 never: the static L^2 is off by L^-0.25 there
        MeasuredCost cost = MeasuredCost.of(sweep(4), LATTICE, Map.of(
                "size=8|T=2.2", 0.010, "size=8|T=2.3", 0.030, "size=16|T=2.2", 0.080));
        assertEquals(0.030, cost.cost(unit(8, 2.3, 7)), 1e-15, "a new replica of a measured site");
        // size 16: 0.080 s per 256 units of estimate
        assertEquals(0.080, cost.cost(unit(16, 2.3, 0)), 1e-15, "an unmeasured site of a measured size");
        // size 64 is nearer 16 than 8 in log size: 4096 units at 16's rate
        assertEquals(4096 * 0.080 / 256, cost.cost(unit(64, 2.2, 0)), 1e-15, "an unmeasured size");
        assertEquals(List.of(0.030), cost.priced(List.of(unit(8, 2.3, 9))).stream().map(PointGroup::cost).toList());
    }

    @Test
    void noPointIsCheaperThanTheResolutionOfWallMs() {
        MeasuredCost cost = MeasuredCost.of(sweep(1), LATTICE, Map.of("size=8|T=2.2", 0.0));
        assertEquals(MeasuredCost.RESOLUTION_SECONDS, cost.cost(unit(8, 2.2, 3)));
    }
}
