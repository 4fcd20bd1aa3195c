package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.Crossing;
import io.phasesweep.engine.fss.Curve;
import io.phasesweep.engine.fss.EstimateRow;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.fss.Flag;
import io.phasesweep.engine.fss.GridJump;
import io.phasesweep.engine.fss.GridResolution;
import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.RefineSpec;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The control values a round adds where a target's estimate is flagged
 * {@link Flag#UNDER_RESOLVED}: inside each grid interval next to it across which a size's curve
 * jumps ({@link GridResolution#jumps}). Replicas cannot cure such an estimate, and a window grid
 * of the usual spacing may not either (a refined percolation sweep's L = 128 rose by 63 % of its
 * range between p = 0.58 and 0.60, both values of its window, and lost every best row); values
 * between the jump's ends can. So can values inside a grid interval, wider than the curve's
 * transition, where two sizes' curves cross ({@link #coarseCrossings}).
 */
final class Gaps {
    /** A jump's interval is cut into at least this many steps: more than half the range in one step spreads over about three. */
    static final int DIVISIONS = 3;

    private Gaps() {
    }

    /**
     * What a round fills for the flagged estimates: size → the values inside the jumps next to them
     * (ascending), whether a flagged crossing has no jump next to it, so that the crossing's
     * coarse intervals are to be filled ({@link #coarseCrossings}: the planner decides which sizes
     * may take those once its ladder knows which sizes wait), and whether that crossing is flagged
     * poor_fit, so that intervals coarser than the cubics read well are filled too.
     */
    record Fill(Map<Integer, double[]> jumps, boolean coarse, boolean poorFit) {
        Fill {
            jumps = Map.copyOf(jumps);
        }
    }

    /** The jumps next to the flagged estimates of the targets at the across value; nothing when nothing is flagged. */
    static Fill of(SweepSpec spec, AnalysisResult result, Double across) {
        Set<String> targets = spec.refine().target().keySet();
        Map<Integer, TreeSet<Double>> fill = new TreeMap<>();
        boolean coarse = false;
        List<EstimateRow> flagged = Stream.<EstimateRow>concat(
                        result.boundaries().stream().filter(b -> targets.contains(RefineSpec.CRITICAL_VALUE)),
                        result.exponents().stream().filter(e -> targets.contains(e.quantity())))
                .filter(row -> {
                    Finding f = row.finding();
                    return f.isMain() && !f.isBest() && Objects.equals(f.acrossValue(), across) && f.observable() != null
                            && (f.flags().contains(Flag.UNDER_RESOLVED) || poorCrossing(spec, row));
                })
                .toList();
        boolean poorFit = flagged.stream().anyMatch(row -> poorCrossing(spec, row));
        for (EstimateRow row : flagged) {
            Optional<Double> xc = criticalValue(result, row);
            if (xc.isEmpty()) {
                continue;
            }
            boolean jumped = false;
            for (int size : row.finding().sizes()) {
                for (GridJump j : jumps(spec, result.points(), row.finding().observable(), size, across, xc.get())) {
                    fill.computeIfAbsent(size, s -> new TreeSet<>()).addAll(inside(j.from(), j.to()));
                    jumped = true;
                }
            }
            // the crossing's coarse intervals once no curve jumps next to x_c
            coarse |= !jumped && row.finding().observable().equals(spec.analysis().crossing());
        }
        Map<Integer, double[]> out = new TreeMap<>();
        fill.forEach((size, values) -> {
            if (!values.isEmpty()) {
                out.put(size, values.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
        return new Fill(out, coarse || poorFit, poorFit);
    }

    /**
     * A crossing row of the crossing observable flagged poor_fit and not few_replicas: its pair
     * crossings scatter beyond errors that can be trusted. Replicas make that worse where the
     * cubics' interpolation error is the cause (the errors shrink, the interpolation error does
     * not); values between the read ones cure it. With few replicas the errors themselves may be
     * what is wrong, and replicas are the cure.
     */
    private static boolean poorCrossing(SweepSpec spec, EstimateRow row) {
        Finding f = row.finding();
        return row instanceof BoundaryRow && f.method().equals("crossing") && f.flags().contains(Flag.POOR_FIT)
                && !f.flags().contains(Flag.FEW_REPLICAS) && Objects.equals(f.observable(), spec.analysis().crossing());
    }

    /**
     * The x_c next to which a flagged finding's jumps count: its own value for a boundary row; for
     * an exponent row (its value is the exponent) the x_c of the boundary row of the same method,
     * observable and variant.
     */
    private static Optional<Double> criticalValue(AnalysisResult result, EstimateRow row) {
        Finding f = row.finding();
        Optional<Double> xc = row instanceof BoundaryRow ? Optional.of(f.value()) : result.boundaries().stream().map(EstimateRow::finding)
                .filter(b -> b.method().equals(f.method()) && Objects.equals(b.observable(), f.observable())
                        && b.variant().equals(f.variant()) && Objects.equals(b.acrossValue(), f.acrossValue()))
                .map(Finding::value).findFirst();
        return xc.filter(Double::isFinite);
    }

    /**
     * The jumps next to {@code xc} of one size's curves of the observable, from the {@code points}
     * table: one curve per value of the axes other than the control (the analysis reads each
     * separately), at the across value.
     */
    private static List<GridJump> jumps(SweepSpec spec, List<PointRow> points, String observable, int size, Double across,
                                        double xc) {
        String control = spec.analysis().control();
        String acrossAxis = spec.analysis().across();
        List<String> others = spec.axes().stream().map(Axis::name).filter(n -> !n.equals(control)).toList();
        Map<List<Double>, List<PointRow>> curves = points.stream()
                .filter(p -> p.size() == size && p.replicas() >= 1 && (across == null || p.params().real(acrossAxis) == across))
                .filter(p -> p.observables().get(observable) != null && Double.isFinite(p.observables().get(observable).value()))
                .sorted(Comparator.comparingDouble(p -> p.params().real(control)))
                .collect(Collectors.groupingBy(p -> others.stream().map(n -> p.params().real(n)).toList(), LinkedHashMap::new,
                        Collectors.toList()));
        List<GridJump> out = new ArrayList<>();
        for (List<PointRow> curve : curves.values()) {
            double[] x = curve.stream().mapToDouble(p -> p.params().real(control)).toArray();
            double[] y = curve.stream().mapToDouble(p -> p.observables().get(observable).value()).toArray();
            double[] e = curve.stream().mapToDouble(p -> p.observables().get(observable).error()).toArray();
            out.addAll(GridResolution.jumps(size, x, y, e, xc));
        }
        return out;
    }

    /**
     * The values inside each grid interval that holds a crossing of consecutive sizes' curves where
     * that size's curve cannot be read, by the crossing analysis' own check
     * ({@link Crossing#unreadable}): the interval wider than the curve's transition width
     * ({@link Curve#width}), or its four values nearest the crossing spanning more than two widths.
     * The analysis leaves such a size out (the smallest, or the sizes from the pair's larger one on),
     * or flags the estimate under_resolved when fewer than three sizes remain. Percolation's L = 32,
     * measured at p = 0.60 and 0.65 (its window's end and the coarse grid), crossed L = 16 between
     * them, and the crossing, at 0.59234 ± 0.00035 (−1.2σ) on a grid fine everywhere near p_c, had
     * no best row; L = 16 on its first grid (steps of 0.05, transition 0.061 wide: its four nearest
     * values spanned 0.15) got no values while only the interval's width was checked, and three of
     * four refined percolation seeds ended max_rounds without a best p_c. With {@code poorFit}
     * also where the interval is wider than a {@link ScalingWindow#STEPS_PER_WIDTH}th of the
     * curve's width, the fine step the planner puts near a located x_c: a refined percolation seed
     * kept L = 64 and 128 at steps of 0.01 for transitions 0.024 and 0.017 wide, read with 1770 and
     * 13624 replicas per value, and its pair crossings scattered with χ²/dof 401 (poor_fit) from
     * round 2 to round 6; without a best row its steering kept round 1's x_c error, 0.0085, which
     * holds {@link ScalingWindow#finer} off, and the rounds bought replicas instead of values.
     *
     * <p>Only where the crossing is the transition's (review F5: every pair and size anywhere on the
     * axis was filled): the pairs are consecutive sizes among those with a curve or a window (a
     * window without a curve joins in the round, and the analysis will pair it), a pair counts only
     * when both its sizes are {@code sampled} (a coarse curve crosses its neighbour wherever noise
     * flips the sign of their difference: the 2D Ising benchmark's L = 64 and 96 crossed at
     * T = 2.15, in the ordered phase), and a size gets values only when it has a window
     * ({@code windows}: size → its bounds x_c ± w; a size that waits has none) and the crossing lies
     * within it, where the planner spends that size's points anyway.
     */
    static Map<Integer, List<Double>> coarseCrossings(Map<Integer, Curve> curves, Set<Integer> sampled,
                                                      Map<Integer, double[]> windows, boolean poorFit) {
        Map<Integer, List<Double>> out = new TreeMap<>();
        for (ReadPoints.PairCrossing p : ReadPoints.sampledPairs(curves, sampled, windows.keySet())) {
            double x = p.x();
            for (int size : List.of(p.smaller(), p.larger())) {
                Curve c = curves.get(size);
                double[] window = windows.get(size);
                int at = java.util.Arrays.binarySearch(c.x(), x);
                if (window == null || !(x >= window[0] && x <= window[1]) || at >= 0 || -at - 1 == 0 || -at - 1 == c.x().length) {
                    continue;
                }
                double from = c.x()[-at - 2];
                double to = c.x()[-at - 1];
                List<Double> values = inside(from, to);
                boolean coarse = Crossing.unreadable(c, x) != null || poorFit && to - from > c.width() / ScalingWindow.STEPS_PER_WIDTH;
                if (coarse && !values.isEmpty()) {
                    out.computeIfAbsent(size, s -> new ArrayList<>()).addAll(values);
                }
            }
        }
        return out;
    }

    /**
     * Values strictly between {@code from} and {@code to} on a grid of round numbers (a step of 1,
     * 2 or 5 × 10^k) of at most a {@link #DIVISIONS}th of the interval.
     */
    static List<Double> inside(double from, double to) {
        if (!(to > from) || !Double.isFinite(to - from)) {
            return List.of();
        }
        // (a hair above the third: 0.15/3 is 0.04999... in binary)
        double step = ScalingWindow.roundStepBelow((to - from) / DIVISIONS * (1 + 1e-9));
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.floor(from / step) + 1; k * step < to; k++) {
            double v = Axis.round(k * step);
            if (v > from && v < to) {
                out.add(v);
            }
        }
        return out;
    }
}
