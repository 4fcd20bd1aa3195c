package io.phasesweep.engine.model;

import io.phasesweep.engine.model.ThermalObservables.Reading;
import io.phasesweep.engine.model.ThermalObservables.Slot;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's Monte Carlo loop, on chains whose output is known exactly. */
class MonteCarloTest {
    private static final ThermalObservables COUNTED = new ThermalObservables();
    private static final Slot UPDATES = COUNTED.declare("n", "updates so far");

    /** Its observable is the number of updates done so far: the loop's counting shows in the mean. */
    private static final class Counter extends MonteCarloModel {
        Counter() {
            super(COUNTED);
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
        public List<BudgetKey> budget() {
            return MonteCarlo.budget("increments");
        }

        @Override
        public double cost(Task task) {
            return 1;
        }

        @Override
        protected MonteCarlo.Chain start(Task task, RandomStreams streams) {
            return new MonteCarlo.Chain() {
                private long updates;

                @Override
                public void update() {
                    updates++;
                }

                @Override
                public void measure(Reading out) {
                    out.set(UPDATES, updates);
                }
            };
        }
    }

    private static final Counter COUNTER = new Counter();

    @Test
    void thermalizesThenMeasuresAfterEveryUpdate() {
        Measurement m = COUNTER.run(task(10, 64), streams(), Deadline.none());
        // measurements see 11, 12, …, 74: mean 42.5
        assertEquals(42.5, m.values().get("n"), 1e-12);
        assertEquals(Map.of("n", 42.5).keySet(), m.errors().keySet());
        assertEquals(Map.of("n", 42.5).keySet(), m.taus().keySet());
        assertEquals(List.of(ObservableSpec.thermal("n", "updates so far")), COUNTER.observables());
    }

    /** Level k of this ladder reads 1000·k plus the updates so far: one measurement per level per update. */
    @Test
    void aLadderMeasuresEveryLevelAfterEveryUpdate() {
        MonteCarlo.Ladder ladder = new MonteCarlo.Ladder() {
            private long updates;

            @Override
            public int levels() {
                return 3;
            }

            @Override
            public void update() {
                updates++;
            }

            @Override
            public void measure(int level, Reading out) {
                out.set(UPDATES, 1000.0 * level + updates);
            }
        };
        List<Measurement> levels = MonteCarlo.run(COUNTED, ladder, budget(10, 64), Deadline.none());
        assertEquals(3, levels.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(1000.0 * k + 42.5, levels.get(k).values().get("n"), 1e-12, "level " + k);
            assertTrue(levels.get(k).errors().get("n") > 0, "level " + k + " has an error bar");
        }
    }

    @Test
    void budgetDefaults() {
        assertEquals(List.of(BudgetKey.count("thermalize", 1000, 0, "updates (increments) discarded before measuring"),
                        BudgetKey.count("measure", 10000, 32, "updates (increments) measured, one measurement after each")),
                COUNTER.budget());
    }

    @Test
    void stopsAtTheDeadline() {
        assertThrows(Deadline.PointTimeoutException.class,
                () -> COUNTER.run(task(0, 1_000_000), streams(), Deadline.after(0)));
    }

    @Test
    void rejectsFractionalBudgets() {
        assertThrows(IllegalArgumentException.class, () -> COUNTER.run(task(0.5, 64), streams(), Deadline.none()));
        assertThrows(IllegalArgumentException.class, () -> COUNTER.run(task(0, 64.5), streams(), Deadline.none()));
    }

    @Test
    void aChainMustSetEveryDeclaredObservable() {
        ThermalObservables two = new ThermalObservables();
        Slot first = two.declare("a", "set");
        two.declare("b", "forgotten");
        MonteCarlo.Chain forgetful = new MonteCarlo.Chain() {
            @Override
            public void update() {
            }

            @Override
            public void measure(Reading out) {
                out.set(first, 1.0);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MonteCarlo.run(two, forgetful, budget(0, 64), Deadline.none()));
        assertEquals("the chain's measure did not set observable b", e.getMessage());
    }

    @Test
    void aSlotWritesOnlyIntoItsOwnDeclaration() {
        ThermalObservables other = new ThermalObservables();
        other.declare("n", "same name, another declaration");
        Reading reading = new Reading(other);
        assertThrows(IllegalArgumentException.class, () -> reading.set(UPDATES, 1.0));
        assertThrows(IllegalArgumentException.class, () -> other.declare("n", "twice"));
    }

    private static Budget budget(double thermalize, double measure) {
        return new Budget(Map.of(MonteCarlo.THERMALIZE, thermalize, MonteCarlo.MEASURE, measure));
    }

    private static Task task(double thermalize, double measure) {
        return new Task(new ParamValues(Map.of()), 1, budget(thermalize, measure));
    }

    private static RandomStreams streams() {
        return new RandomStreams(Seeds.generator(1), Seeds.generator(2));
    }
}
