package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the crossing observable's curves change order, read off the measured points alone: for each
 * pair of sizes, the control values they share where one size's value lies significantly above the
 * other's and, at the next such value, significantly below (by {@link #SIGNIFICANT} combined errors
 * and {@link #LEAST_SHARE} of the curves' range); the bracket is the union over the
 * pairs (pair crossings drift with size). No interpolation, so no error of a fit the grid cannot
 * support: on a coarse grid the analysis' crossings and collapses are flagged and their estimates
 * can lie outside the bracket itself (5 temperatures over [2.0, 2.6] with L = 16–96 on 2D Ising:
 * every pair changes order between 2.15 and 2.30, while the crossing's main estimate said 2.19 and,
 * after a round that bought replicas on the coarse values, 2.14, and the collapse 2.04–2.15).
 *
 * @param low  the highest shared value below the change of order (the lowest over the pairs)
 * @param high the lowest shared value above it (the highest over the pairs)
 */
record CrossingBracket(double low, double high) {
    /** A difference counts when it is this many of its combined errors: a plateau where all sizes agree changes no order. */
    static final double SIGNIFICANT = 3;
    /**
     * ... and at least this share of the larger of the two curves' ranges: in a saturated tail the
     * errors of a bounded observable vanish with it (percolation's wrapping probability at p = 0.65–0.70:
     * 0.999 ± 0.0003 against 1 ± 0), and differences of 10⁻³ of the range there bracketed 0.65–0.70
     * with p_c = 0.5927.
     */
    static final double LEAST_SHARE = 0.01;

    double middle() {
        return (low + high) / 2;
    }

    double halfWidth() {
        return (high - low) / 2;
    }

    /**
     * The bracket of the sweep's crossing observable at one across value; empty without a crossing
     * observable or when no pair of sizes changes order significantly at values they share.
     */
    static Optional<CrossingBracket> of(SweepSpec spec, List<PointRow> points, Double across) {
        String observable = spec.analysis().crossing();
        if (observable == null) {
            return Optional.empty();
        }
        String control = spec.analysis().control();
        String acrossAxis = spec.analysis().across();
        TreeMap<Integer, TreeMap<Double, Estimate>> curves = new TreeMap<>();
        for (PointRow p : points) {
            Estimate y = p.observables().get(observable);
            if (y != null && Double.isFinite(y.value()) && Double.isFinite(y.error())
                    && (across == null || p.params().real(acrossAxis) == across)) {
                curves.computeIfAbsent(p.size(), s -> new TreeMap<>()).put(p.params().real(control), y);
            }
        }
        List<TreeMap<Double, Estimate>> sizes = new ArrayList<>(curves.values());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sizes.size(); i++) {
            for (int j = i + 1; j < sizes.size(); j++) {
                double[] change = change(sizes.get(i), sizes.get(j));
                if (change != null) {
                    low = Math.min(low, change[0]);
                    high = Math.max(high, change[1]);
                }
            }
        }
        return low < high ? Optional.of(new CrossingBracket(low, high)) : Optional.empty();
    }

    /** The outermost values around the two curves' changes of order at shared values, or null. */
    private static double[] change(TreeMap<Double, Estimate> a, TreeMap<Double, Estimate> b) {
        double least = LEAST_SHARE * Math.max(range(a), range(b));
        double low = Double.NaN;
        double high = Double.NaN;
        double previousX = Double.NaN;
        int previousSign = 0;
        for (Map.Entry<Double, Estimate> e : a.entrySet()) {
            Estimate other = b.get(e.getKey());
            if (other == null) {
                continue;
            }
            double d = other.value() - e.getValue().value();
            double error = Math.hypot(other.error(), e.getValue().error());
            if (!(Math.abs(d) > SIGNIFICANT * error && Math.abs(d) >= least)) {
                continue;
            }
            int sign = d > 0 ? 1 : -1;
            if (previousSign != 0 && sign != previousSign) {
                low = Double.isNaN(low) ? previousX : low;
                high = e.getKey();
            }
            previousX = e.getKey();
            previousSign = sign;
        }
        return Double.isNaN(low) ? null : new double[]{low, high};
    }

    private static double range(TreeMap<Double, Estimate> curve) {
        return curve.values().stream().mapToDouble(Estimate::value).max().orElse(0)
                - curve.values().stream().mapToDouble(Estimate::value).min().orElse(0);
    }
}
