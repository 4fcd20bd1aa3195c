package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.Crossing;
import io.phasesweep.engine.fss.Curve;
import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.stats.LeastSquares;
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
 * ({@link Crossing#readPoints}: every point within half the curve's transition width when six or
 * more lie there, weighted by their replicas, else the six nearest, or five or four where a cubic
 * misses them). The crossing analysis'
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
     * Where each size's curve crosses its neighbours', for the pairs the next analysis forms:
     * consecutive sizes among every size with a curve or joining in the round ({@code joining}: its
     * first points are planned), as {@code CrossingAnalysis} pairs every size with points. A pair
     * is read only when both its curves are {@code sampled}, where the analysis chooses the crossing
     * ({@link Crossing#of}), if it lies within {@code reach} of {@code xc}; a pair never spans a size
     * between them (review F2: with L = 32 coarse or joining, the planner read the crossing of 16 and
     * 64, which the analysis never forms, and topped up values around it). Only sampled curves: a
     * curve on a coarse grid crosses its neighbour's wherever noise flips their difference's sign
     * between its grid values (the 2D Ising benchmark's L = 64 and 96, measured at T = 2.0, 2.15,
     * 2.3, ..., crossed near 2.15, in the ordered phase where every size's Binder cumulant is 2/3,
     * and got 5–7 replicas there in the round their windows were first sampled).
     */
    static Map<Integer, List<Double>> pairCrossings(Map<Integer, Curve> curves, Set<Integer> sampled, Set<Integer> joining,
                                                    double xc, double reach) {
        Map<Integer, List<Double>> out = new TreeMap<>();
        for (PairCrossing p : sampledPairs(curves, sampled, joining)) {
            if (Math.abs(p.x() - xc) <= reach) {
                out.computeIfAbsent(p.smaller(), s -> new ArrayList<>()).add(p.x());
                out.computeIfAbsent(p.larger(), s -> new ArrayList<>()).add(p.x());
            }
        }
        return out;
    }

    /** Where the curves of two consecutive sizes cross. */
    record PairCrossing(int smaller, int larger, double x) {
    }

    /**
     * The crossings of the pairs the analysis forms: consecutive sizes among those with a curve and
     * {@code alsoPaired} (sizes that will have points after the round: the analysis pairs them, so no
     * pair may span them), each pair only when both sizes have a curve and are {@code sampled}.
     */
    static List<PairCrossing> sampledPairs(Map<Integer, Curve> curves, Set<Integer> sampled, Set<Integer> alsoPaired) {
        TreeSet<Integer> paired = new TreeSet<>(curves.keySet());
        paired.addAll(alsoPaired);
        List<Integer> sizes = new ArrayList<>(paired);
        List<PairCrossing> out = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.size(); i++) {
            int a = sizes.get(i);
            int b = sizes.get(i + 1);
            if (curves.containsKey(a) && curves.containsKey(b) && sampled.contains(a) && sampled.contains(b)) {
                out.add(new PairCrossing(a, b, Crossing.of(curves.get(a), curves.get(b))));
            }
        }
        return out;
    }

    /**
     * The variance of the analysis' local cubic at {@code x0} through these control values, each
     * with the same replicas, over the variance of one of them: e₀ᵀ(XᵀX)⁻¹e₀ of the design in
     * powers of (x − x0), of degree {@code LocalPolynomial.DEGREE} (lower through fewer values).
     * The crossing reads a size at x_c through its stencil, not through one point: 0.64 for the four
     * values nearest x_c on an even grid centred on it, 0.40 for six, a third for seven, 0.29 for eight
     * (review: the variance model credited every size one point's variance, undervaluing the
     * densely sampled sizes). 1 without values.
     */
    static double gain(java.util.Collection<Double> values, double x0) {
        if (values.isEmpty()) {
            return 1;
        }
        double h = values.stream().mapToDouble(v -> Math.abs(v - x0)).max().orElse(0);
        double scale = h > 0 ? h : 1;
        int degree = Math.min(DEGREE, values.size() - 1);
        double[][] design = values.stream().map(v -> {
            double[] row = new double[degree + 1];
            for (int d = 0; d <= degree; d++) {
                row[d] = Math.pow((v - x0) / scale, d);
            }
            return row;
        }).toArray(double[][]::new);
        double[] ones = new double[values.size()];
        java.util.Arrays.fill(ones, 1);
        return LeastSquares.weighted(design, new double[values.size()], ones).covariance()[0][0];
    }

    /** Degree of the analysis' local polynomial ({@code fss.LocalPolynomial.DEGREE}). */
    static final int DEGREE = 3;

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
