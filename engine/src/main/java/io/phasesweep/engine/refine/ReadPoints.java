package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.Crossing;
import io.phasesweep.engine.fss.Curve;
import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The control values each size's estimates read: the {@link #NEAREST} values nearest x_c and
 * nearest each crossing of the size's curve with those of its neighbouring sizes. The crossing
 * analysis reads every pair crossing off the local cubics through the four points of each curve
 * nearest it, and its χ² judges the pair crossings by their bootstrap errors, which are only as good
 * as the replicas of those points: a point with one replica has no bootstrap spread at all (its
 * Poisson weight is redrawn until positive), one with n replicas a variance (n − 1)/n of the truth
 * and itself noisy. A refined sweep whose read points had 1–3 replicas among neighbours with 8–23
 * scattered its pair crossings beyond their error bars, and the analysis rightly flagged the
 * crossing drift_unresolved or poor_fit (2D Ising, sizes 8–48). The planner therefore raises every
 * read point of a size to one replica count, at least {@link Planner#READ_REPLICAS}.
 *
 * <p>The pair crossings are located here from the {@code points} table's means as the analysis
 * locates them ({@link Crossing#of}: the sign change of the difference of two consecutive sizes'
 * curves nearest x_c, refined by their local cubics).
 */
final class ReadPoints {
    /** Points of a curve the crossing's local cubic reads ({@code fss.LocalPolynomial.POINTS}). */
    static final int NEAREST = 4;

    private ReadPoints() {
    }

    /**
     * Where each size's curve crosses its neighbours' (consecutive sizes of the points table at this
     * across value), as the analysis chooses it, if it lies within {@code reach} of {@code xc}; empty for a
     * sweep without a crossing observable or with axes besides the control and across ones.
     */
    static Map<Integer, List<Double>> pairCrossings(SweepSpec spec, List<PointRow> points, Double across, double xc,
                                                    double reach) {
        Map<Integer, List<Double>> out = new TreeMap<>();
        String observable = spec.analysis().crossing();
        String control = spec.analysis().control();
        String acrossAxis = spec.analysis().across();
        if (observable == null || spec.axes().size() > (acrossAxis == null ? 1 : 2)) {
            return out;
        }
        TreeMap<Integer, TreeMap<Double, Double>> curves = new TreeMap<>();
        for (PointRow p : points) {
            Estimate e = p.observables().get(observable);
            if (p.replicas() >= 1 && e != null && Double.isFinite(e.value())
                    && (acrossAxis == null || p.params().real(acrossAxis) == across)) {
                curves.computeIfAbsent(p.size(), s -> new TreeMap<>()).put(p.params().real(control), e.value());
            }
        }
        List<Integer> sizes = new ArrayList<>(curves.keySet());
        for (int i = 0; i + 1 < sizes.size(); i++) {
            double x = crossing(curves.get(sizes.get(i)), curves.get(sizes.get(i + 1)));
            if (Math.abs(x - xc) <= reach) {
                out.computeIfAbsent(sizes.get(i), s -> new ArrayList<>()).add(x);
                out.computeIfAbsent(sizes.get(i + 1), s -> new ArrayList<>()).add(x);
            }
        }
        return out;
    }

    /** The read values among {@code values}: the {@link #NEAREST} nearest each of {@code at}. */
    static TreeSet<Double> of(TreeSet<Double> values, List<Double> at) {
        TreeSet<Double> read = new TreeSet<>();
        for (double x : at) {
            values.stream().sorted(Comparator.comparingDouble(v -> Math.abs(v - x))).limit(NEAREST).forEach(read::add);
        }
        return read;
    }

    /**
     * Where the two curves cross, as the analysis locates a pair crossing ({@link Crossing#of}; the
     * means alone, without their errors); NaN when they do not cross inside their common range.
     */
    static double crossing(NavigableMap<Double, Double> a, NavigableMap<Double, Double> b) {
        return Crossing.of(Curve.exact(keys(a), values(a)), Curve.exact(keys(b), values(b)));
    }

    private static double[] keys(NavigableMap<Double, Double> curve) {
        return curve.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] values(NavigableMap<Double, Double> curve) {
        return curve.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
