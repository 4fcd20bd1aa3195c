package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.EstimateRow;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.fss.Flag;
import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.fss.Quantity;
import io.phasesweep.engine.sweep.RefineSpec;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a round steers by at one across value: the critical value and how far it may be off, ν,
 * whether a peak sat at a window's edge, and whether systematic errors (corrections to scaling)
 * dominate a target's best row, which more replicas do not cure and larger sizes do.
 *
 * <p>How far x_c may be off is never less than half the spacing of the measured control values
 * around it where that spacing is coarser than the size's scaling window needs (the median over
 * sizes): a curve sampled more coarsely than its scaling window locates its crossing no better
 * than that, whatever the bootstrap over replicas says (a coarse grid's x_c is overconfident:
 * 2.071 ± 0.026 on the synthetic model with x_c = 2.27). Windows are then
 * widened to cover it, and sizes whose scaling window is narrower wait (see {@link Planner}).
 *
 * @param xc           best critical value; without one, the latest earlier round's best inside the
 *                     {@link CrossingBracket}, or inside the axis' range without a bracket (only with a
 *                     critical value target, whose statuses the rounds keep). A best row that more data
 *                     flagged away, few_replicas say, still located x_c better than the bracket: falling
 *                     back to it, ising2d-refine's round 4 went from 2.267 ± 0.002 to 2.225 ± 0.075 and
 *                     widened every window. Without one, the middle of the methods' estimates inside
 *                     the {@link CrossingBracket} where the crossing observable's curves change order
 *                     (inside the control axis' range without a bracket); without those, the middle
 *                     of the bracket; without that, the middle of the axis
 * @param xcError      how far x_c may be off: its stderr (without a best row, the methods' spread and
 *                     errors, at most as far as the bracket reaches; half the bracket; without
 *                     estimates, half the axis' range), at least the grid's resolution above
 * @param source       where x_c came from: {@code best}, {@code an earlier round's best}, {@code methods in the bracket},
 *                     {@code methods}, {@code bracket}, {@code axis}
 * @param gridLimited  the grid's resolution, not the estimate's error, sets xcError: more replicas
 *                     would not locate x_c better, windows at the resolution would
 * @param nu           best ν (or 1/best 1/ν); without one, the mean of the methods' unflagged positive
 *                     ones (a slope at a flagged x_c gave ν = −1.6, which held a 2D Ising ladder at
 *                     L = 8–12; a coarse grid's poor collapse gave ν = 3.9, whose windows spanned the
 *                     whole axis at every size); without those, 1; kept
 *                     within [{@link #LEAST_NU}, {@link #MOST_NU}]
 * @param widen        a main estimate of a target quantity at this across value is flagged peak_at_edge
 * @param sysDominates a target's best row has stderr_sys > stderr_stat
 */
record Steering(double xc, double xcError, String source, boolean gridLimited, double nu, boolean widen,
                boolean sysDominates) {
    /** ν a round's windows assume at least and at most: a coarse grid's collapse can give anything. */
    static final double LEAST_NU = 0.3;
    static final double MOST_NU = 3;
    static final String BEST = "best";
    static final String EARLIER_BEST = "an earlier round's best";

    static Steering of(SweepSpec spec, AnalysisResult result, Double across) {
        return of(spec, result, across, List.of());
    }

    /**
     * @param earlier the targets after each earlier round, in order: without a best row now, the
     *                latest earlier best critical value inside the crossing's bracket steers
     */
    static Steering of(SweepSpec spec, AnalysisResult result, Double across, List<List<TargetStatus>> earlier) {
        double[] range = range(spec);
        Optional<Finding> best = result.best(Quantity.CRITICAL_VALUE.name(), across);
        Optional<CrossingBracket> bracket = best.isPresent() ? Optional.empty() : CrossingBracket.of(spec, result.points(), across);
        // with a bracket, only estimates inside it: the others contradict the data's order
        double lo = bracket.map(CrossingBracket::low).orElse(range[0]);
        double hi = bracket.map(CrossingBracket::high).orElse(range[1]);
        Optional<TargetStatus> lastBest = best.isPresent() ? Optional.empty() : lastBest(earlier, across)
                .filter(t -> t.value() >= lo && t.value() <= hi);
        List<Finding> methods = result.boundaries().stream().map(EstimateRow::finding)
                .filter(f -> f.isMain() && !f.isBest() && Objects.equals(f.acrossValue(), across)
                        && Double.isFinite(f.value()) && f.value() >= lo && f.value() <= hi)
                .toList();
        double xc;
        double error;
        String source;
        if (best.isPresent()) {
            xc = best.get().value();
            error = best.get().stderr();
            source = BEST;
        } else if (lastBest.isPresent()) {
            xc = lastBest.get().value();
            error = lastBest.get().stderr();
            source = EARLIER_BEST;
        } else if (!methods.isEmpty()) {
            double[] v = methods.stream().mapToDouble(Finding::value).sorted().toArray();
            xc = (v[0] + v[v.length - 1]) / 2;
            double centre = xc;
            error = methods.stream().mapToDouble(f -> Math.abs(f.value() - centre) + f.stderr())
                    .filter(Double::isFinite).max().orElse((hi - lo) / 2);
            error = Math.min(error, bracket.map(b -> Math.max(b.high() - centre, centre - b.low())).orElse(error));
            source = bracket.isPresent() ? "methods in the bracket" : "methods";
        } else if (bracket.isPresent()) {
            xc = bracket.get().middle();
            error = bracket.get().halfWidth();
            source = "bracket";
        } else {
            xc = (range[0] + range[1]) / 2;
            error = (range[1] - range[0]) / 2;
            source = "axis";
        }
        double[] nus = result.exponents().stream().filter(e -> e.quantity().equals("nu")).map(EstimateRow::finding)
                .filter(f -> f.isMain() && !f.isBest() && f.flags().isEmpty() && Objects.equals(f.acrossValue(), across)
                        && f.value() > 0 && Double.isFinite(f.value()))
                .mapToDouble(Finding::value).toArray();
        double nu = result.best("nu", across).map(Finding::value)
                .or(() -> result.best("1/nu", across).map(f -> 1 / f.value()))
                .or(() -> nus.length == 0 ? Optional.empty() : Optional.of(Arrays.stream(nus).average().orElseThrow()))
                .filter(Double::isFinite).orElse(1.0);
        double boundedNu = Math.max(LEAST_NU, Math.min(MOST_NU, Math.abs(nu)));
        double resolution = resolution(spec, result.points(), across, xc, boundedNu, range);
        // only a target's estimates widen: a peak exponent's peak lies off x_c, and when it is no
        // target, following it would spread the points away from the critical value's window
        java.util.Set<String> targets = spec.refine().target().keySet();
        boolean widen = Stream.concat(
                        result.boundaries().stream().filter(b -> targets.contains(RefineSpec.CRITICAL_VALUE)),
                        result.exponents().stream().filter(e -> targets.contains(e.quantity())))
                .map(EstimateRow::finding)
                .anyMatch(f -> f.isMain() && Objects.equals(f.acrossValue(), across) && f.flags().contains(Flag.PEAK_AT_EDGE));
        boolean sys = spec.refine().target().keySet().stream().anyMatch(q -> Precision.sysDominates(result, q, across));
        return new Steering(xc, Math.max(error, resolution), source, resolution > error, boundedNu, widen, sys);
    }

    /** The best critical value of the latest earlier round that had one at the across value. */
    private static Optional<TargetStatus> lastBest(List<List<TargetStatus>> earlier, Double across) {
        for (int r = earlier.size() - 1; r >= 0; r--) {
            Optional<TargetStatus> found = earlier.get(r).stream()
                    .filter(t -> t.quantity().equals(RefineSpec.CRITICAL_VALUE) && Objects.equals(t.acrossValue(), across)
                            && t.value() != null && t.stderr() != null)
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * How well the grid locates x_c: per size, half the spacing of the measured control values that
     * bracket x_c when that spacing is coarser than the size's scaling window needs
     * ({@link ScalingWindow#resolves}), else 0;
     * the median over the sizes (the lower one of two middles); half the axis' range when no size
     * brackets x_c.
     */
    static double resolution(SweepSpec spec, List<PointRow> points, Double across, double xc, double nu, double[] range) {
        String control = spec.analysis().control();
        String acrossAxis = spec.analysis().across();
        TreeMap<Integer, TreeSet<Double>> values = new TreeMap<>();
        for (PointRow p : points) {
            if (p.replicas() >= 1 && (across == null || p.params().real(acrossAxis) == across)) {
                values.computeIfAbsent(p.size(), s -> new TreeSet<>()).add(p.params().real(control));
            }
        }
        List<Double> halves = new ArrayList<>();
        for (var e : values.entrySet()) {
            Double below = e.getValue().floor(xc);
            Double above = e.getValue().ceiling(xc);
            if (below != null && above != null) {
                halves.add(ScalingWindow.resolves(above - below, nu, e.getKey()) ? 0 : (above - below) / 2);
            }
        }
        if (halves.isEmpty()) {
            return (range[1] - range[0]) / 2;
        }
        double[] h = halves.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return h[(h.length - 1) / 2];
    }

    /** The control axis' smallest and largest value over the sweep file's sizes. */
    private static double[] range(SweepSpec spec) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int size : spec.sizes()) {
            double[] v = spec.axis(spec.analysis().control()).values(size);
            lo = Math.min(lo, Arrays.stream(v).min().orElseThrow());
            hi = Math.max(hi, Arrays.stream(v).max().orElseThrow());
        }
        return new double[]{lo, hi};
    }

    /** One line for the console: {@code x_c 2.247 ± 0.075 (best, the grid's resolution), nu 1.3}. */
    String describe() {
        return String.format(Locale.ROOT, "x_c %.4g ± %.2g (%s%s), nu %.3g%s", xc, xcError, source,
                gridLimited ? ", the grid's resolution" : "", nu, widen ? ", widened" : "");
    }
}
