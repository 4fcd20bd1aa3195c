package io.phasesweep.engine.run;

import io.phasesweep.engine.model.AxisModel;
import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.run.RawRecord.Status;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointRunnerTest {

    /** Behaves as its {@code mode} parameter says: 0 ok, 1 throw, 2 NaN, 3 loop checking the deadline, 4 loop ignoring it. */
    static final class Scripted implements Model {
        public String id() { return "scripted"; }
        public String summary() { return "test"; }
        public String sizeMeaning() { return "N"; }
        public List<ParamSpec> params() { return List.of(ParamSpec.real("mode", 0.0, 0.0, 4.0, "behaviour")); }
        public List<ObservableSpec> observables() { return List.of(ObservableSpec.value("x", "a draw")); }
        public List<BudgetKey> budget() { return List.of(); }
        public double cost(Task t) { return 1; }

        public Measurement run(Task t, RandomStreams s, Deadline d) {
            switch ((int) t.params().real("mode")) {
                case 1 -> throw new IllegalStateException("boom");
                case 2 -> { return Measurement.of(Map.of("x", Double.NaN)); }
                case 3 -> { while (true) { d.check(); Thread.onSpinWait(); } }
                case 4 -> { spinIgnoringEverything(); return null; }
                default -> { return Measurement.of(Map.of("x", s.dynamics().nextDouble())); }
            }
        }

        private static void spinIgnoringEverything() {
            long x = 0;
            while (x >= 0) { x = (x + 1) & 0xffff; }
        }
    }

    static PointGroup group(double mode, double timeLimit) {
        Task task = new Task(new ParamValues(Map.of("mode", mode)), 4,
                new Budget(timeLimit > 0 ? Map.of(Budget.TIME_LIMIT, timeLimit) : Map.of()));
        Point p = new Point("t", "scripted", "size=4|mode=" + mode + "|r=0", task, 0, 11L, 22L);
        return new PointGroup(p.key(), List.of(p), p.disorderSeed(), p.dynamicsSeed(), 1);
    }

    @Test
    void okRowCarriesTheMeasurementAndIsReproducible() {
        PointRunner runner = new PointRunner(new Scripted(), 10);
        RawRecord a = runner.run(group(0, 0)).get(0);
        RawRecord b = runner.run(group(0, 0)).get(0);
        assertEquals(Status.OK, a.status());
        assertNull(a.error());
        assertEquals(a.measurement(), b.measurement(), "same seeds, same draw");
    }

    @Test
    void exceptionBecomesAFailedRowWithTheMessage() {
        RawRecord r = new PointRunner(new Scripted(), 10).run(group(1, 0)).get(0);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.error().startsWith("IllegalStateException: boom"), r.error());
        assertNull(r.measurement());
    }

    @Test
    void nanObservableBecomesAFailedRow() {
        RawRecord r = new PointRunner(new Scripted(), 10).run(group(2, 0)).get(0);
        assertEquals(Status.FAILED, r.status());
        assertEquals("observable x is NaN", r.error());
    }

    @Test
    void cooperativeTimeoutUsesTheBudgetLimit() {
        long t0 = System.nanoTime();
        RawRecord r = new PointRunner(new Scripted(), 100).run(group(3, 0.2)).get(0);
        assertEquals(Status.TIMEOUT, r.status());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "the budget's 0.2 s, not the default 100 s");
    }

    @Test
    void runThatIgnoresTheDeadlineIsAbandonedAfterTheGracePeriod() {
        RawRecord r = new PointRunner(new Scripted(), 100).run(group(4, 0.1)).get(0);
        assertEquals(Status.TIMEOUT, r.status());
        assertTrue(r.error().startsWith("no result after"), r.error());
    }

    @Test
    void axisModelReturningTooFewMeasurementsFailsEveryPoint() {
        AxisModel shortChanging = new AxisModel() {
            public String wholeAxis() { return "mode"; }
            public List<Measurement> runAxis(List<Task> ladder, RandomStreams s, Deadline d) {
                return List.of(Measurement.of(Map.of("x", 1.0)));
            }
            public String id() { return "short"; }
            public String summary() { return "test"; }
            public String sizeMeaning() { return "N"; }
            public List<ParamSpec> params() { return new Scripted().params(); }
            public List<ObservableSpec> observables() { return new Scripted().observables(); }
            public List<BudgetKey> budget() { return List.of(); }
            public double cost(Task t) { return 1; }
        };
        Point a = group(0, 0).points().get(0);
        Point b = group(0.5, 0).points().get(0);
        List<RawRecord> rows = new PointRunner(shortChanging, 10)
                .run(new PointGroup("size=4|r=0", List.of(a, b), 11L, 22L, 2));
        assertEquals(2, rows.size());
        rows.forEach(r -> assertEquals(Status.FAILED, r.status()));
    }
}
