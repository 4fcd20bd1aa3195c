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
     * of the constants. A round improves when its largest stderr/target is below the previous
     * round's (a target that gains a best row counts as improved; one that has none in both rounds
     * does not).
     *
     * @param previousWorst the previous round's {@link Precision#worst}, or NaN after round 0
     * @param spentSeconds  core-seconds of every finished point so far
     */
    public static Optional<Stop> after(int round, List<TargetStatus> statuses, double previousWorst,
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
        if (round > 0 && !(worst < previousWorst)) {
            return Optional.of(NO_IMPROVEMENT);
        }
        return Optional.empty();
    }
}
