package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.Comparator;
import java.util.List;

/**
 * One size's data near x_c, from the {@code points} table: the per-replica variance of the
 * steering observable (the crossing observable, else the first exponent's) over the
 * {@link #NEAREST} points nearest x_c, and the replicas of the window. (Not its slope: a coarse
 * grid flattens the steep curves of large sizes, and would make them look uninformative; the
 * {@link VarianceModel} takes the slope's growth with size from ν.)
 *
 * @param variance per-replica variance s² (error² × replicas, averaged), NaN when fewer than two
 *                 points near x_c have an error
 * @param level    their mean value
 * @param replicas mean replicas per point within the window (0 when none is in it)
 * @param sampled  at least {@link #SAMPLED_VALUES} control values within the window's bounds have a
 *                 point with two replicas or more, and the measured values that
 *                 bracket x_c are no farther apart than the window's own or resolve the size's
 *                 scaling window (a coarse grid that merely spans the window does not sample it)
 * @param gain     the variance of the analysis' local cubic at x_c over that of one of the points it
 *                 reads, at equal replicas ({@link ReadPoints#gain}; 1 until {@link #reading} sets it)
 */
record SizeVariance(int size, double variance, double level, double replicas, boolean sampled, double gain) {
    /** Points nearest x_c the variance and slope are taken over. */
    static final int NEAREST = 4;
    /** Window values with data that make a window sampled. */
    static final int SAMPLED_VALUES = 4;

    static String observable(SweepSpec spec) {
        String crossing = spec.analysis().crossing();
        return crossing != null ? crossing : spec.analysis().exponents().get(0).observable();
    }

    /**
     * @param nu      the current estimate of ν
     * @param bounds  the window's bounds
     * @param values  the window's values
     */
    static SizeVariance of(SweepSpec spec, List<PointRow> points, int size, Double across, double xc, double nu,
                           double[] bounds, double[] values) {
        String control = spec.analysis().control();
        String acrossAxis = spec.analysis().across();
        String observable = observable(spec);
        List<PointRow> here = points.stream()
                .filter(p -> p.size() == size && (across == null || p.params().real(acrossAxis) == across))
                .filter(p -> p.replicas() >= 2 && finite(p.observables().get(observable)))
                .toList();
        List<PointRow> inWindow = here.stream()
                .filter(p -> p.params().real(control) >= bounds[0] && p.params().real(control) <= bounds[1]).toList();
        double replicas = inWindow.stream().mapToInt(PointRow::replicas).average().orElse(0);
        // measured values anywhere in the window count, not only the window's own: a window that
        // moved with x_c by less than its width is still sampled, and is not filled again...
        // ... and a grid coarser around x_c than the window's own spacing does not sample it either
        java.util.TreeSet<Double> measured = new java.util.TreeSet<>();
        here.forEach(p -> measured.add(p.params().real(control)));
        Double below = measured.floor(xc);
        Double above = measured.ceiling(xc);
        // (a window with values finer near x_c than at its ends, ScalingWindow.finer, is sampled only
        // once those are measured: its size's transition is narrower than its scaling window)
        double spacing = values.length < 2 ? 0 : stepAt(values, xc);
        boolean uniform = values.length < 2 || spacing >= (values[1] - values[0]) * (1 - 1e-9);
        boolean fine = below != null && above != null
                && (above - below <= spacing * (1 + 1e-9) || uniform && ScalingWindow.resolves(above - below, nu, size));
        boolean sampled = fine && inWindow.stream().map(p -> p.params().real(control)).distinct().count()
                >= Math.min(SAMPLED_VALUES, values.length);
        List<PointRow> near = here.stream()
                .sorted(Comparator.comparingDouble(p -> Math.abs(p.params().real(control) - xc)))
                .limit(NEAREST).toList();
        if (near.size() < 2) {
            return new SizeVariance(size, Double.NaN, Double.NaN, replicas, sampled, 1);
        }
        double s2 = 0;
        double mean = 0;
        for (PointRow p : near) {
            Estimate e = p.observables().get(observable);
            s2 += e.error() * e.error() * p.replicas();
            mean += e.value();
        }
        return new SizeVariance(size, s2 / near.size(), mean / near.size(), replicas, sampled, 1);
    }

    /**
     * A size the variance model cannot read (no window, or no size measured yet): not sampled, so
     * its pairs count for nothing, but it holds its place between its neighbours.
     */
    static SizeVariance unread(int size) {
        return new SizeVariance(size, Double.NaN, Double.NaN, 0, false, 1);
    }

    /**
     * The same size read by the analysis' local cubic through {@code stencil} at x_c, and with the
     * per-replica variance and level of {@code data} (another size's, for a size not yet measured:
     * the crossing observable is dimensionless, its variance at x_c nearly the same at every size),
     * sampled or not after the round.
     */
    SizeVariance reading(SizeVariance data, java.util.Collection<Double> stencil, double xc, boolean sampledAfter) {
        return new SizeVariance(size, data.variance, data.level, replicas, sampledAfter, ReadPoints.gain(stencil, xc));
    }

    /** The step of the ascending values around x: between the ones that bracket it, else at the nearer end. */
    private static double stepAt(double[] values, double x) {
        int i = 1;
        while (i + 1 < values.length && values[i] < x) {
            i++;
        }
        return values[i] - values[i - 1];
    }

    boolean measured() {
        return Double.isFinite(variance) && Double.isFinite(level);
    }

    private static boolean finite(Estimate e) {
        return e != null && Double.isFinite(e.value()) && Double.isFinite(e.error());
    }
}
