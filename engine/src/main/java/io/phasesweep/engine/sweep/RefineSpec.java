package io.phasesweep.engine.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code refine} section of a sweep file: the precision wanted, the CPU it may cost, and the
 * points earlier rounds added. {@code phasesweep run} runs the sweep as written (round 0), then
 * repeats analyse, plan, run until the targets are met, the budget is spent or a round no longer
 * improves the estimates.
 *
 * @param target            quantity → the stderr wanted of its {@code best} row: {@code critical_value},
 *                          or an exponent quantity of the analysis section ({@code nu}); in file order
 * @param budgetCoreSeconds the CPU all rounds together may spend, in core-seconds ({@code raw.wall_ms})
 * @param maxRounds         rounds after round 0, at most
 * @param sizesAllowed      sizes a round may add beyond {@code sizes} (empty: none)
 * @param added             the points of the rounds so far, in round order: written by
 *                          {@code phasesweep run} into the sweep file it records for each round,
 *                          never by a person
 */
public record RefineSpec(Map<String, Double> target, double budgetCoreSeconds, int maxRounds,
                         List<Integer> sizesAllowed, List<PointBlock> added) {
    /** Quantity name of the critical value's target. */
    public static final String CRITICAL_VALUE = "critical_value";
    /** Rounds after round 0 when the file does not say. */
    public static final int DEFAULT_MAX_ROUNDS = 6;

    public RefineSpec {
        target = Collections.unmodifiableMap(new LinkedHashMap<>(target));
        sizesAllowed = List.copyOf(sizesAllowed);
        added = List.copyOf(added);
    }

    /** The same section with {@code more} points added after the ones it has. */
    public RefineSpec plus(List<PointBlock> more) {
        List<PointBlock> all = new java.util.ArrayList<>(added);
        all.addAll(more);
        return new RefineSpec(target, budgetCoreSeconds, maxRounds, sizesAllowed, all);
    }

    /** The last round whose points are here (0 when none are). */
    public int lastRound() {
        return added.stream().mapToInt(PointBlock::round).max().orElse(0);
    }
}
