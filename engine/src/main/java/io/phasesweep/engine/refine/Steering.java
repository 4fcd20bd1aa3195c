package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.EstimateRow;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.fss.Flag;
import io.phasesweep.engine.fss.Quantity;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * What a round steers by at one across value: the critical value and ν under the current
 * estimates, whether a peak sat at a window's edge, and whether systematic errors (corrections to
 * scaling) dominate a target's best row, which more replicas do not cure and larger sizes do.
 *
 * @param xc           best critical value; without one, the mean of the methods' estimates; without
 *                     those, the middle of the control axis
 * @param nu           best ν (or 1/best 1/ν); without one, the methods' mean; without those, 1; kept
 *                     within [{@link #LEAST_NU}, {@link #MOST_NU}]
 * @param widen        a main estimate at this across value is flagged peak_at_edge
 * @param sysDominates a target's best row has stderr_sys > stderr_stat
 */
record Steering(double xc, double nu, boolean widen, boolean sysDominates) {
    static final double LEAST_NU = 0.2;
    static final double MOST_NU = 5;

    static Steering of(SweepSpec spec, AnalysisResult result, Double across) {
        double xc = result.best(Quantity.CRITICAL_VALUE.name(), across).map(Finding::value)
                .or(() -> boxed(mainValues(result.boundaries().stream(), across)))
                .orElseGet(() -> middle(spec));
        double nu = result.best("nu", across).map(Finding::value)
                .or(() -> result.best("1/nu", across).map(f -> 1 / f.value()))
                .or(() -> boxed(mainValues(result.exponents().stream().filter(e -> e.quantity().equals("nu")), across)))
                .filter(Double::isFinite).orElse(1.0);
        boolean widen = Stream.concat(result.boundaries().stream(), result.exponents().stream())
                .map(EstimateRow::finding)
                .anyMatch(f -> f.isMain() && Objects.equals(f.acrossValue(), across) && f.flags().contains(Flag.PEAK_AT_EDGE));
        boolean sys = spec.refine().target().keySet().stream()
                .map(q -> Precision.best(result, q, across))
                .anyMatch(b -> b.isPresent() && b.get().stderrSys() > b.get().stderrStat());
        return new Steering(xc, Math.max(LEAST_NU, Math.min(MOST_NU, Math.abs(nu))), widen, sys);
    }

    private static OptionalDouble mainValues(Stream<? extends EstimateRow> rows, Double across) {
        return rows.map(EstimateRow::finding)
                .filter(f -> f.isMain() && !f.isBest() && Objects.equals(f.acrossValue(), across) && Double.isFinite(f.value()))
                .mapToDouble(Finding::value).average();
    }

    /** The mean, if any. */
    private static java.util.Optional<Double> boxed(OptionalDouble d) {
        return d.isPresent() ? java.util.Optional.of(d.getAsDouble()) : java.util.Optional.empty();
    }

    private static double middle(SweepSpec spec) {
        double[] v = spec.axis(spec.analysis().control()).values(spec.sizes().get(0));
        List<Double> sorted = java.util.Arrays.stream(v).sorted().boxed().toList();
        return (sorted.get(0) + sorted.get(sorted.size() - 1)) / 2;
    }
}
