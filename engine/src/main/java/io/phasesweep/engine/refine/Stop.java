package io.phasesweep.engine.refine;

import io.phasesweep.engine.sweep.RefineSpec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Why the rounds stopped, as written in the {@code stop} column of the {@code rounds} table. */
public enum Stop {
    /** every target's best row has the stderr wanted, and its value held steady since the previous round */
    TARGETS_MET,
    /** max_rounds rounds after round 0 ran (the last one may also have spent the budget: it gets what is left) */
    MAX_ROUNDS,
    /** the core-seconds spent reached budget_core_seconds before max_rounds rounds ran */
    BUDGET_SPENT,
    /**
     * two rounds in a row lowered no target's stderr/target by a real improvement ({@link #IMPROVEMENT}),
     * spending at least {@link #CHEAP_ROUNDS} of a round's budget between them, and no target has lost
     * the best row of an earlier refinement round
     */
    NO_IMPROVEMENT,
    /** the planner found no point to add (every window sampled at the budget's limit, or nothing fits) */
    NOTHING_TO_ADD;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether to stop after round {@code round}, and why; the first reason that holds, in the order
     * of the constants.
     *
     * <p>Targets count as met when every target's stderr is at most its target and its best value
     * moved by at most {@link #STEADY} combined standard errors since the previous round: a best
     * value that jumps is not yet to be trusted, however small its error bar (a collapse that
     * settles on a grid value shared by its sizes, a crossing of a coarse grid). No improvement
     * means two rounds in a row that lowered no target's stderr/target by more than
     * {@link #IMPROVEMENT} below its best in the refinement rounds before them (a target without a
     * best row does not hold the others back);
     * round 0 is not compared with, and one round may well not improve: a coarse grid's error is
     * overconfident, and the first rounds trade it for an honest one. A target without a best row is infinitely far from its target.
     * Rounds in which no target had a best row yet are still locating the transition and do not
     * stop for want of improvement (a 2D Ising refinement under load stopped so after round 3, its
     * crossing and collapse still flagged and its ladder at L = 12). Nor does a round in which a
     * target lost the best row an earlier refinement round gave it (issue 14's benchmark from a
     * coarse grid at every size stopped so after round 3: its T_c had a best row after round 1,
     * then the crossing was flagged poor_fit with 78 % of the budget left).
     * Nor do two rounds that spent less than {@link #CHEAP_ROUNDS} of a round's budget between them:
     * such rounds are the ladder's steps while sizes wait, not replicas that failed to help (a
     * perceptron refinement stopped so after round 3 with 6 of its 300 core-s spent and its error 7
     * times its target: rounds 2 and 3 bought 72 and 418 points, and an early best row's error at
     * the coarse grid's resolution, 0.029, was the one they did not beat).
     * {@code no_improvement} is for rounds that keep their estimates and no longer shrink them.
     *
     * @param earlier           the statuses of the rounds before this one, in order
     * @param spentSeconds      core-seconds of every finished point so far
     * @param lastTwoRounds     core-seconds of this round's points and the previous round's
     */
    public static Optional<Stop> after(int round, List<TargetStatus> statuses, List<List<TargetStatus>> earlier,
                                       double spentSeconds, double lastTwoRounds, RefineSpec refine) {
        double worst = Precision.worst(statuses);
        if (worst <= 1 && (earlier.isEmpty() || steady(statuses, earlier.get(earlier.size() - 1)))) {
            return Optional.of(TARGETS_MET);
        }
        if (round >= refine.maxRounds()) {
            return Optional.of(MAX_ROUNDS);
        }
        if (spentSeconds >= refine.budgetCoreSeconds()) {
            return Optional.of(BUDGET_SPENT);
        }
        int n = earlier.size();
        // before any target has a best row the rounds are still locating the transition: nothing to
        // improve on yet, and max_rounds and the budget bound them
        boolean located = Stream.concat(statuses.stream(), earlier.stream().skip(1).flatMap(List::stream))
                .anyMatch(s -> Double.isFinite(s.ratio()));
        // a target whose best row a refinement round had and this one lost (a flag: a poor fit, a jump
        // under_resolved) is what the next round's points are for, not a reason to stop
        boolean lost = statuses.stream().anyMatch(s -> !Double.isFinite(s.ratio())
                && earlier.stream().skip(1).anyMatch(r -> Double.isFinite(ratio(r, s))));
        boolean cheap = lastTwoRounds < CHEAP_ROUNDS * refine.budgetCoreSeconds() / refine.maxRounds();
        if (n >= 3 && located && !lost && !cheap && statuses.stream().noneMatch(s -> improved(s, earlier))) {
            return Optional.of(NO_IMPROVEMENT);
        }
        return Optional.empty();
    }

    /**
     * The fraction by which a target's stderr must fall to count as an improvement: a best row's
     * stderr is a bootstrap over 200 resamples, itself uncertain by about 5 % (1/√(2·200)), so two
     * rounds' error bars differ by about 7 % from that noise alone; a smaller fall is no evidence
     * that the round helped (the benchmark's refinement went on for rounds that moved its stderr by
     * a few per cent). Best rows that change variant or sizes move by more, and count.
     */
    static final double IMPROVEMENT = 0.1;

    /**
     * Whether a target's stderr/target in this round or the previous one is below
     * (1 − {@link #IMPROVEMENT}) times its best in the refinement rounds before them (a target
     * without a best row in all of them improves with any best row, and never without one).
     */
    private static boolean improved(TargetStatus now, List<List<TargetStatus>> earlier) {
        int n = earlier.size();
        double before = earlier.subList(1, n - 1).stream().mapToDouble(r -> ratio(r, now)).min().orElseThrow();
        return Math.min(now.ratio(), ratio(earlier.get(n - 1), now)) < (1 - IMPROVEMENT) * before;
    }

    /** The stderr/target of the same target in an earlier round (infinite when it had none). */
    private static double ratio(List<TargetStatus> round, TargetStatus like) {
        return round.stream().filter(t -> t.quantity().equals(like.quantity())
                        && java.util.Objects.equals(t.acrossValue(), like.acrossValue()))
                .mapToDouble(TargetStatus::ratio).min().orElse(Double.POSITIVE_INFINITY);
    }

    /** Two rounds that spent less than this share of budget_core_seconds / max_rounds between them never stop for want of improvement. */
    static final double CHEAP_ROUNDS = 0.5;

    /** Best values move by at most this many combined standard errors between rounds when they are steady. */
    static final double STEADY = 2;

    /** Every target's best value within {@link #STEADY} combined standard errors of the previous round's. */
    static boolean steady(List<TargetStatus> now, List<TargetStatus> before) {
        for (TargetStatus s : now) {
            TargetStatus b = before.stream().filter(t -> t.quantity().equals(s.quantity())
                    && java.util.Objects.equals(t.acrossValue(), s.acrossValue())).findFirst().orElse(null);
            if (b == null || b.value() == null || s.value() == null
                    || Math.abs(s.value() - b.value()) > STEADY * Math.hypot(s.stderr(), b.stderr())) {
                return false;
            }
        }
        return true;
    }
}
