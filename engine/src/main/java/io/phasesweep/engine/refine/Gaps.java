package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.EstimateRow;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.fss.Flag;
import io.phasesweep.engine.fss.GridJump;
import io.phasesweep.engine.fss.GridResolution;
import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.RefineSpec;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The control values a round adds where a target's estimate is flagged
 * {@link Flag#UNDER_RESOLVED}: inside each grid interval next to it across which a size's curve
 * jumps ({@link GridResolution#jumps}). Replicas cannot cure such an estimate, and a window grid
 * of the usual spacing may not either (a refined percolation sweep's L = 128 rose by 63 % of its
 * range between p = 0.58 and 0.60, both values of its window, and lost every best row); values
 * between the jump's ends can.
 */
final class Gaps {
    /** A jump's interval is cut into at least this many steps: more than half the range in one step spreads over about three. */
    static final int DIVISIONS = 3;

    private Gaps() {
    }

    /** Size → the values to add at that size (ascending), for the sizes whose curve jumps; empty when nothing is flagged. */
    static Map<Integer, double[]> of(SweepSpec spec, AnalysisResult result, Double across) {
        Set<String> targets = spec.refine().target().keySet();
        Map<Integer, TreeSet<Double>> fill = new TreeMap<>();
        Stream.concat(result.boundaries().stream().filter(b -> targets.contains(RefineSpec.CRITICAL_VALUE)),
                        result.exponents().stream().filter(e -> targets.contains(e.quantity())))
                .map(EstimateRow::finding)
                .filter(f -> f.isMain() && !f.isBest() && Objects.equals(f.acrossValue(), across)
                        && f.flags().contains(Flag.UNDER_RESOLVED) && Double.isFinite(f.value()) && f.observable() != null)
                .forEach(f -> {
                    for (int size : f.sizes()) {
                        for (GridJump j : jumps(spec, result.points(), f, size, across)) {
                            fill.computeIfAbsent(size, s -> new TreeSet<>()).addAll(inside(j.from(), j.to()));
                        }
                    }
                });
        Map<Integer, double[]> out = new TreeMap<>();
        fill.forEach((size, values) -> {
            if (!values.isEmpty()) {
                out.put(size, values.stream().mapToDouble(Double::doubleValue).toArray());
            }
        });
        return out;
    }

    /** The jumps of one size's curve of the finding's observable next to its value, from the {@code points} table. */
    private static List<GridJump> jumps(SweepSpec spec, List<PointRow> points, Finding f, int size, Double across) {
        String control = spec.analysis().control();
        String acrossAxis = spec.analysis().across();
        List<PointRow> curve = points.stream()
                .filter(p -> p.size() == size && p.replicas() >= 1 && (across == null || p.params().real(acrossAxis) == across))
                .filter(p -> p.observables().get(f.observable()) != null && Double.isFinite(p.observables().get(f.observable()).value()))
                .sorted(Comparator.comparingDouble(p -> p.params().real(control)))
                .toList();
        double[] x = curve.stream().mapToDouble(p -> p.params().real(control)).toArray();
        double[] y = curve.stream().mapToDouble(p -> p.observables().get(f.observable()).value()).toArray();
        double[] e = curve.stream().mapToDouble(p -> p.observables().get(f.observable()).error()).toArray();
        return GridResolution.jumps(size, x, y, e, f.value());
    }

    /**
     * Values strictly between {@code from} and {@code to} on a grid of round numbers (a step of 1,
     * 2 or 5 × 10^k) of at most a {@link #DIVISIONS}th of the interval.
     */
    static List<Double> inside(double from, double to) {
        // (a hair above the third: 0.15/3 is 0.04999... in binary)
        double step = ScalingWindow.roundStepBelow((to - from) / DIVISIONS * (1 + 1e-9));
        List<Double> out = new java.util.ArrayList<>();
        for (long k = (long) Math.floor(from / step) + 1; k * step < to; k++) {
            double v = Axis.round(k * step);
            if (v > from && v < to) {
                out.add(v);
            }
        }
        return out;
    }
}
