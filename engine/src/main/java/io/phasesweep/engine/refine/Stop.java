package io.phasesweep.engine.refine;

import io.phasesweep.engine.sweep.RefineSpec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Why the rounds stopped, as written in the {@code stop} column of the {@code rounds} table. */
public enum Stop {
    /** every target's best row has the stderr wanted */
    TARGETS_MET,
    /** the core-seconds spent reached budget_core_seconds, or the next round would not fit */
    BUDGET_SPENT,
    /** max_rounds rounds after round 0 ran */
    MAX_ROUNDS,
    /** the round did not lower the largest stderr/target */
    NO_IMPROVEMENT,
    /** the planner found no point to add (every window sampled at the budget's limit, or nothing fits) */
    NOTHING_TO_ADD;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether to stop after round {@code round}, and why; the first reason that holds, in the order
     * of the constants. No improvement means two rounds in a row that did not lower the largest
     * stderr/target below the best of the refinement rounds before them; round 0 is not compared
     * with, and one round may well not improve: a coarse grid's error is overconfident (its crossing
     * sits at a grid value), and the first rounds trade it for an honest one. A target without a
     * best row is infinitely far from its target.
     *
     * @param earlierWorst {@link Precision#worst} of the rounds before this one, in order
     * @param spentSeconds core-seconds of every finished point so far
     */
    public static Optional<Stop> after(int round, List<TargetStatus> statuses, List<Double> earlierWorst,
                                       double spentSeconds, RefineSpec refine) {
        double worst = Precision.worst(statuses);
        if (worst <= 1) {
            return Optional.of(TARGETS_MET);
        }
        if (spentSeconds >= refine.budgetCoreSeconds()) {
            return Optional.of(BUDGET_SPENT);
        }
        if (round >= refine.maxRounds()) {
            return Optional.of(MAX_ROUNDS);
        }
        int n = earlierWorst.size();
        if (n >= 3) {
            double before = earlierWorst.subList(1, n - 1).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            if (!(Math.min(worst, earlierWorst.get(n - 1)) < before)) {
                return Optional.of(NO_IMPROVEMENT);
            }
        }
        return Optional.empty();
    }
}
