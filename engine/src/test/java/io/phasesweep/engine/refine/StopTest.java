package io.phasesweep.engine.refine;

import io.phasesweep.engine.sweep.RefineSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StopTest {
    private static final RefineSpec REFINE = new RefineSpec(Map.of("critical_value", 0.001, "nu", 0.05), 100, 5,
            List.of(), List.of());

    private static List<TargetStatus> at(Double xcStderr, double nuStderr) {
        return at(2.27, xcStderr, nuStderr);
    }

    private static List<TargetStatus> at(double xc, Double xcStderr, double nuStderr) {
        return List.of(new TargetStatus("critical_value", null, xcStderr == null ? null : xc, xcStderr, 0.001),
                new TargetStatus("nu", null, 1.0, nuStderr, 0.05));
    }

    /** Earlier rounds whose largest stderr/target was {@code worst}: their x_c stderr, nu on target. */
    private static List<List<TargetStatus>> rounds(double... worst) {
        return java.util.Arrays.stream(worst).mapToObj(w -> at(Double.isInfinite(w) ? null : w * 0.001, 0.05)).toList();
    }

    @Test
    void theFirstReasonThatHoldsStops() {
        assertEquals(Optional.of(Stop.TARGETS_MET), Stop.after(1, at(0.001, 0.05), rounds(5.0), 1e9, 40, REFINE));
        assertEquals(Optional.of(Stop.BUDGET_SPENT), Stop.after(1, at(0.002, 0.05), rounds(5.0), 100, 40, REFINE));
        assertEquals(Optional.of(Stop.MAX_ROUNDS), Stop.after(5, at(0.002, 0.05), rounds(5.0, 4.0, 3.0, 2.5, 2.1), 100, 40, REFINE));
        assertEquals(Optional.empty(), Stop.after(0, at(0.002, 0.05), List.of(), 50, 40, REFINE));
    }

    /**
     * Two rounds in a row that do not beat the best refinement round before them stop; one such
     * round does not, and round 0 (a coarse grid's overconfident error) is no benchmark.
     */
    @Test
    void noImprovementTakesTwoRoundsInARow() {
        assertEquals(Optional.empty(), Stop.after(2, at(0.002, 0.05), rounds(1.0, 1.5), 50, 40, REFINE));
        assertEquals(Optional.empty(), Stop.after(3, at(0.0012, 0.05), rounds(1.0, 1.5, 3.0), 50, 40, REFINE));
        assertEquals(Optional.of(Stop.NO_IMPROVEMENT), Stop.after(3, at(0.002, 0.05), rounds(1.0, 1.5, 1.6), 50, 40, REFINE));
        assertEquals(Optional.empty(), Stop.after(3, at(0.0013, 0.05), rounds(1.0, 1.5, 1.6), 50, 40, REFINE));
    }

    /**
     * Two rounds that bought less than half a round's budget between them (budget 100 over 5
     * rounds: 10 core-s) are the ladder's steps, not evidence that replicas no longer help: they go
     * on, and max_rounds still stops them.
     */
    @Test
    void cheapRoundsAreNoReasonToStop() {
        assertEquals(Optional.empty(), Stop.after(3, at(0.002, 0.05), rounds(1.0, 1.5, 1.6), 12, 9.9, REFINE));
        assertEquals(Optional.of(Stop.NO_IMPROVEMENT), Stop.after(3, at(0.002, 0.05), rounds(1.0, 1.5, 1.6), 12, 10, REFINE));
        assertEquals(Optional.of(Stop.MAX_ROUNDS), Stop.after(5, at(0.002, 0.05), rounds(1.0, 1.5, 1.6, 1.7, 1.8), 12, 1, REFINE));
    }

    /**
     * A fall of the stderr within the noise of a bootstrap error bar is no improvement: 1.5 → 1.4
     * times the target (7 %) stops, 1.5 → 1.3 (13 %) goes on.
     */
    @Test
    void aSmallDecreaseIsNoImprovement() {
        assertEquals(Optional.of(Stop.NO_IMPROVEMENT), Stop.after(3, at(0.0014, 0.05), rounds(1.0, 1.5, 1.6), 50, 40, REFINE));
        assertEquals(Optional.of(Stop.NO_IMPROVEMENT), Stop.after(3, at(0.0016, 0.05), rounds(1.0, 1.5, 1.4), 50, 40, REFINE));
        assertEquals(Optional.empty(), Stop.after(3, at(0.0016, 0.05), rounds(1.0, 1.5, 1.3), 50, 40, REFINE));
    }

    /** Met targets stop only when the best values held steady: within two combined stderr of the previous round's. */
    @Test
    void targetsAreMetOnlyWhenTheBestValuesHoldSteady() {
        assertEquals(Optional.of(Stop.TARGETS_MET), Stop.after(2, at(2.2725, 0.001, 0.05), rounds(3, 2), 50, 40, REFINE));
        assertEquals(Optional.empty(), Stop.after(2, at(2.2750, 0.001, 0.05), rounds(3, 2), 50, 40, REFINE));
        assertEquals(Optional.empty(), Stop.after(2, at(0.001, 0.05), rounds(3, inf()), 50, 40, REFINE));
    }

    private static double inf() {
        return Double.POSITIVE_INFINITY;
    }

    /** A target that gains a best row improves; one without a best row in every round does not. */
    @Test
    void aMissingBestRowIsInfinitelyFarFromItsTarget() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(inf, Precision.worst(at(null, 0.01)));
        assertEquals(Optional.empty(), Stop.after(3, at(0.002, 0.05), rounds(inf, inf, inf), 50, 40, REFINE));
        assertEquals(Optional.of(Stop.NO_IMPROVEMENT), Stop.after(3, at(null, 0.05), rounds(inf, inf, inf), 50, 40, REFINE));
    }

    /** While no target has had a best row since round 0 the rounds are locating the transition: they go on. */
    @Test
    void roundsWithoutAnyBestRowAreNoReasonToStop() {
        double inf = Double.POSITIVE_INFINITY;
        List<List<TargetStatus>> none = List.of(at(0.002, inf), at(null, inf), at(null, inf));
        assertEquals(Optional.empty(), Stop.after(3, at(null, inf), none, 50, 40, REFINE));
        assertEquals(Optional.of(Stop.MAX_ROUNDS), Stop.after(5, at(null, inf), none, 50, 40, REFINE));
    }

    /**
     * A target that had a best row in a refinement round and lost it to a flag keeps the rounds going
     * (the benchmark from a coarse grid stopped after round 3 with its T_c flagged and most of its
     * budget left); max_rounds and the budget still stop them.
     */
    @Test
    void aLostBestRowIsNoReasonToStop() {
        double inf = Double.POSITIVE_INFINITY;
        List<List<TargetStatus>> earlier = List.of(at(null, inf), at(0.0024, inf), at(null, inf));
        assertEquals(Optional.empty(), Stop.after(3, at(null, inf), earlier, 50, 40, REFINE));
        assertEquals(Optional.of(Stop.MAX_ROUNDS), Stop.after(5, at(null, inf), earlier, 50, 40, REFINE));
        assertEquals(Optional.of(Stop.BUDGET_SPENT), Stop.after(3, at(null, inf), earlier, 100, 40, REFINE));
        assertEquals(Optional.of(Stop.NO_IMPROVEMENT), Stop.after(3, at(0.0024, inf), earlier, 50, 40, REFINE),
                "the estimate back, no smaller: no improvement");
    }

    /** A target that keeps improving keeps the rounds going while another has no best row yet. */
    @Test
    void oneTargetImprovingIsImprovement() {
        double inf = Double.POSITIVE_INFINITY;
        List<List<TargetStatus>> earlier = List.of(at(0.005, inf), at(0.004, inf), at(0.003, inf));
        assertEquals(Optional.empty(), Stop.after(3, at(0.002, inf), earlier, 50, 40, REFINE));
        assertEquals(Optional.of(Stop.NO_IMPROVEMENT), Stop.after(3, at(0.005, inf), List.of(at(0.005, inf), at(0.003, inf),
                at(0.004, inf)), 50, 40, REFINE));
    }
}
