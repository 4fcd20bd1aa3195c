package io.phasesweep.jobs.spark;

import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.jobs.ProbeSweeps;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteSecondsTest {
    private static RawRecord record(Point p, RawRecord.Status status, long wallMs) {
        return new RawRecord(p, status, status == RawRecord.Status.OK ? null : "failed", wallMs, null);
    }

    /** Two tasks' accumulators merged on the driver: the mean wall time per site of its ok points. */
    @Test
    void mergedTasksGiveEachSitesMeanOverItsOkPoints() {
        List<Point> points = SweepExpander.points(ProbeSweeps.sweep("sites", Map.of()).spec());
        Point r0 = points.stream().filter(p -> p.key().equals("size=4|x=0.1|r=0")).findFirst().orElseThrow();
        Point r1 = points.stream().filter(p -> p.key().equals("size=4|x=0.1|r=1")).findFirst().orElseThrow();
        Point other = points.stream().filter(p -> p.key().equals("size=8|x=0.3|r=2")).findFirst().orElseThrow();

        SiteSeconds task1 = new SiteSeconds();
        assertTrue(task1.isZero());
        task1.add(record(r0, RawRecord.Status.OK, 100));
        task1.add(record(other, RawRecord.Status.FAILED, 5000));
        SiteSeconds task2 = new SiteSeconds();
        task2.add(record(r1, RawRecord.Status.OK, 300));
        task2.add(record(other, RawRecord.Status.OK, 40));
        assertFalse(task1.isZero());

        SiteSeconds driver = task1.copy();
        driver.merge(task2);
        assertEquals(Map.of("size=4|x=0.1", 0.2, "size=8|x=0.3", 0.04), driver.value(), "a failed point's time is not its cost");
        assertEquals(0.44, driver.seconds(), 1e-12);
        assertEquals(Map.of("size=4|x=0.1", 0.1), task1.value(), "the copy is its own");
        driver.reset();
        assertTrue(driver.isZero());
    }
}
