package io.phasesweep.engine.model;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The engine's Monte Carlo loop, on chains whose output is known exactly. */
class MonteCarloModelTest {

    /** Its observable is the number of updates done so far: the loop's counting shows in the mean. */
    private static final class Counter extends MonteCarloModel {
        private final List<ObservableSpec> observables;

        Counter(List<ObservableSpec> observables) {
            this.observables = observables;
        }

        @Override
        public String id() {
            return "counter";
        }

        @Override
        public String summary() {
            return "counts its updates";
        }

        @Override
        public String sizeMeaning() {
            return "unused";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of();
        }

        @Override
        public List<ObservableSpec> observables() {
            return observables;
        }

        @Override
        public List<BudgetKey> budget() {
            return updateBudget("increments");
        }

        @Override
        public double cost(Task task) {
            return 1;
        }

        @Override
        protected Chain start(Task task, RandomStreams streams) {
            return new Chain() {
                private long updates;

                @Override
                public void update() {
                    updates++;
                }

                @Override
                public void measure(double[] out) {
                    out[0] = updates;
                }
            };
        }
    }

    private static final Counter COUNTER = new Counter(List.of(ObservableSpec.thermal("n", "updates so far")));

    @Test
    void thermalizesThenMeasuresAfterEveryUpdate() {
        Measurement m = COUNTER.run(task(10, 64), streams(), Deadline.none());
        // measurements see 11, 12, …, 74: mean 42.5
        assertEquals(42.5, m.values().get("n"), 1e-12);
        assertEquals(Map.of("n", 42.5).keySet(), m.errors().keySet());
        assertEquals(Map.of("n", 42.5).keySet(), m.taus().keySet());
    }

    @Test
    void budgetDefaults() {
        assertEquals(List.of(new BudgetKey("thermalize", 1000, 0, "updates (increments) discarded before measuring"),
                        new BudgetKey("measure", 10000, 32, "updates (increments) measured, one measurement after each")),
                COUNTER.budget());
    }

    @Test
    void stopsAtTheDeadline() {
        assertThrows(Deadline.PointTimeoutException.class,
                () -> COUNTER.run(task(0, 1_000_000), streams(), Deadline.after(0)));
    }

    @Test
    void rejectsFractionalBudgetsAndNonThermalObservables() {
        assertThrows(IllegalArgumentException.class, () -> COUNTER.run(task(0.5, 64), streams(), Deadline.none()));
        Counter plain = new Counter(List.of(ObservableSpec.value("n", "not a time average")));
        assertThrows(IllegalStateException.class, () -> plain.run(task(0, 64), streams(), Deadline.none()));
    }

    private static Task task(double thermalize, double measure) {
        return new Task(new ParamValues(Map.of()), 1,
                new Budget(Map.of(MonteCarloModel.THERMALIZE, thermalize, MonteCarloModel.MEASURE, measure)));
    }

    private static RandomStreams streams() {
        return new RandomStreams(Seeds.generator(1), Seeds.generator(2));
    }
}
