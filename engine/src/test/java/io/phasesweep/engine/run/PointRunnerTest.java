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
    /** Longer than the grace period of a unit with a limit of 0.1 s (5.11 s), so such a unit is abandoned first. */
    static final double LATE_SECONDS = 6;

    /**
     * Behaves as its {@code mode} parameter says: 0 ok, 1 throw, 2 NaN, 3 loop checking the deadline, 4 loop ignoring it,
     * 5 ignore the deadline and interrupts for {@link #LATE_SECONDS}, then return a measurement.
     */
    static final class Scripted implements Model {
        public String id() { return "scripted"; }
        public String summary() { return "test"; }
        public String sizeMeaning() { return "N"; }
        public List<ParamSpec> params() { return List.of(ParamSpec.real("mode", 0.0, 0.0, 5.0, "behaviour")); }
        public List<ObservableSpec> observables() { return List.of(ObservableSpec.value("x", "a draw")); }
        public List<BudgetKey> budget() { return List.of(); }
        public double cost(Task t) { return 1; }

        public Measurement run(Task t, RandomStreams s, Deadline d) {
            switch ((int) t.params().real("mode")) {
                case 1 -> throw new IllegalStateException("boom");
                case 2 -> { return Measurement.of(Map.of("x", Double.NaN)); }
                case 3 -> { while (true) { d.check(); Thread.onSpinWait(); } }
                case 4 -> { spinIgnoringEverything(); return null; }
                case 5 -> { spinFor(LATE_SECONDS); return Measurement.of(Map.of("x", 1.0)); }
                default -> { return Measurement.of(Map.of("x", s.dynamics().nextDouble())); }
            }
        }

        private static void spinFor(double seconds) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() - end < 0) { Thread.onSpinWait(); }
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

    @Test
    void unitsOfOneCallRunInOrderAndAnAbandonedOneDoesNotStopTheRest() {
        List<PointGroup> units = List.of(group(0, 0), group(5, 0.1), group(0.5, 0), group(1, 0));
        List<RawRecord> rows = new PointRunner(new Scripted(), 10).run(units);
        assertEquals(List.of(Status.OK, Status.TIMEOUT, Status.OK, Status.FAILED), rows.stream().map(RawRecord::status).toList());
        assertEquals(units.stream().map(g -> g.points().get(0)).toList(), rows.stream().map(RawRecord::point).toList());
        assertTrue(rows.get(1).error().startsWith("no result after the time limit of 0.1 s"), rows.get(1).error());
        assertTrue(rows.get(1).wallMs() >= 5_110, "the abandoned unit counts the time until it was given up on: " + rows.get(1).wallMs());
        // the same units one at a time: the same rows, but for the wall times
        List<RawRecord> alone = units.stream().filter(g -> g != units.get(1))
                .flatMap(g -> new PointRunner(new Scripted(), 10).run(g).stream()).toList();
        assertEquals(alone.stream().map(RawRecord::measurement).toList(),
                rows.stream().filter(r -> r != rows.get(1)).map(RawRecord::measurement).toList());
    }

    @Test
    void anInterruptedCallerRecordsTheUnitsLeftAsStopped() {
        List<PointGroup> units = List.of(group(3, 30), group(0, 0));
        Thread.currentThread().interrupt();
        long t0 = System.nanoTime();
        List<RawRecord> rows;
        try {
            rows = new PointRunner(new Scripted(), 10).run(units);
        } finally {
            assertTrue(Thread.interrupted(), "the caller's interrupt is kept for it");
        }
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "not the unit's 30 s limit");
        assertEquals(List.of(Status.TIMEOUT, Status.TIMEOUT), rows.stream().map(RawRecord::status).toList());
        rows.forEach(r -> assertTrue(r.error().startsWith("stopped before its result"), r.error()));
    }

    @Test
    void wallTimeIsRoundedToTheNearestMillisecond() {
        // truncated, a 10 ms point lost 0.5 ms of its time on average
        assertEquals(1, PointRunner.millis(1_499_999));
        assertEquals(2, PointRunner.millis(1_500_000));
        assertEquals(2, PointRunner.millis(1_999_999));
        assertEquals(0, PointRunner.millis(499_999));
    }
}
