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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The control values each size's estimates read: the points the analysis' local cubic reads at x_c
 * and at each crossing of the size's curve with those of its neighbouring sizes
 * ({@link Crossing#readPoints}: every point within half the curve's transition width when more
 * than four lie there, weighted by their replicas, else the four nearest). The crossing analysis'
 * χ² judges the pair crossings by their bootstrap errors, which are only as good as the replicas
 * of those points: a point with one replica has no bootstrap spread at all (its Poisson weight is
 * redrawn until positive), one with n replicas a variance (n − 1)/n of the truth and itself noisy.
 * A refined sweep whose read points had 1–3 replicas among neighbours with 8–23 scattered its pair
 * crossings beyond their error bars, and the analysis rightly flagged the crossing drift_unresolved
 * or poor_fit (2D Ising, sizes 8–48). The planner therefore raises every read point of a size to
 * one replica count, at least {@link Planner#READ_REPLICAS}.
 *
 * <p>The curves are the analysis' own ({@link Curve#measured}: the {@code points} table's means,
 * errors and replicas), so the pair crossings are located as the analysis locates them
 * ({@link Crossing#of}) and the points read are the ones its fits read. (Until 2026-12-06 the
 * planner took the four nearest values and the means alone, while the analysis fits every point
 * within half the transition width once more than four lie there: on a refined grid the planner
 * topped up points the analysis did not weigh, and left ones it did.)
 */
final class ReadPoints {
    /** Points of a curve its local cubic reads at least ({@code fss.LocalPolynomial.POINTS}); without a curve, the nearest ones. */
    static final int NEAREST = 4;

    private ReadPoints() {
    }

    /**
     * Size → its measured curve of the observable the estimates read (the crossing observable, else
     * the first exponent's) at this across value, from the points with a finite mean; empty with
     * axes besides the control and across ones (a curve per value of each: the sizes' read values
     * are then the {@link #NEAREST} nearest).
     */
    static Map<Integer, Curve> curves(SweepSpec spec, List<PointRow> points, Double across) {
        Map<Integer, Curve> out = new TreeMap<>();
        String observable = SizeVariance.observable(spec);
        String control = spec.analysis().control();
        String acrossAxis = spec.analysis().across();
        if (spec.axes().size() > (acrossAxis == null ? 1 : 2)) {
            return out;
        }
        TreeMap<Integer, TreeMap<Double, PointRow>> bySize = new TreeMap<>();
        for (PointRow p : points) {
            Estimate e = p.observables().get(observable);
            if (p.replicas() >= 1 && e != null && Double.isFinite(e.value())
                    && (acrossAxis == null || p.params().real(acrossAxis) == across)) {
                bySize.computeIfAbsent(p.size(), s -> new TreeMap<>()).put(p.params().real(control), p);
            }
        }
        bySize.forEach((size, curve) -> {
            double[] x = curve.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = curve.values().stream().mapToDouble(p -> p.observables().get(observable).value()).toArray();
            double[] e = curve.values().stream().mapToDouble(p -> p.observables().get(observable).error()).toArray();
            int[] n = curve.values().stream().mapToInt(PointRow::replicas).toArray();
            out.put(size, Curve.measured(x, y, e, n));
        });
        return out;
    }

    /**
     * Where each size's curve crosses its neighbours' (consecutive sizes among the {@code sampled}
     * ones of {@code curves}), as the analysis chooses the crossing ({@link Crossing#of}), if it
     * lies within {@code reach} of {@code xc}. Only sampled curves: a curve on a coarse grid
     * crosses its neighbour's wherever noise flips their difference's sign between its grid values
     * (the 2D Ising benchmark's L = 64 and 96, measured at T = 2.0, 2.15, 2.3, ..., crossed near
     * 2.15, in the ordered phase where every size's Binder cumulant is 2/3, and got 5–7 replicas
     * there in the round their windows were first sampled).
     */
    static Map<Integer, List<Double>> pairCrossings(Map<Integer, Curve> curves, Set<Integer> sampled, double xc, double reach) {
        Map<Integer, List<Double>> out = new TreeMap<>();
        TreeSet<Integer> present = new TreeSet<>(curves.keySet());
        present.retainAll(sampled);
        List<Integer> sizes = new ArrayList<>(present);
        for (int i = 0; i + 1 < sizes.size(); i++) {
            double x = Crossing.of(curves.get(sizes.get(i)), curves.get(sizes.get(i + 1)));
            if (Math.abs(x - xc) <= reach) {
                out.computeIfAbsent(sizes.get(i), s -> new ArrayList<>()).add(x);
                out.computeIfAbsent(sizes.get(i + 1), s -> new ArrayList<>()).add(x);
            }
        }
        return out;
    }

    /**
     * The read values among {@code values} (measured, or planned by the round) at each of {@code at}:
     * the points of the measured curve the analysis' cubic there reads, and the planned values not
     * measured yet that lie among them (within their span: the next analysis reads those too);
     * without a curve, the {@link #NEAREST} nearest.
     */
    static TreeSet<Double> of(Curve curve, TreeSet<Double> values, List<Double> at) {
        TreeSet<Double> read = new TreeSet<>();
        for (double x : at) {
            if (curve == null) {
                values.stream().sorted(Comparator.comparingDouble(v -> Math.abs(v - x))).limit(NEAREST).forEach(read::add);
                continue;
            }
            TreeSet<Double> stencil = new TreeSet<>();
            for (int i : Crossing.readPoints(curve, x)) {
                stencil.add(curve.x()[i]);
            }
            read.addAll(stencil);
            read.addAll(values.subSet(stencil.first(), true, stencil.last(), true));
        }
        return read;
    }
}
