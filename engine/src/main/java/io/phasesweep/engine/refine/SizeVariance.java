package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.Comparator;
import java.util.List;

/**
 * One size's data near x_c, from the {@code points} table: the per-replica variance of the
 * steering observable (the crossing observable, else the first exponent's) and its slope along
 * the control axis over the {@link #NEAREST} points nearest x_c, and the replicas of the window.
 *
 * @param variance per-replica variance s² (error² × replicas, averaged), NaN when fewer than two
 *                 points near x_c have an error
 * @param slope    least-squares d observable / d control over those points
 * @param level    their mean value
 * @param replicas mean replicas per point within the window (0 when none is in it)
 * @param sampled  at least {@link #SAMPLED_VALUES} points within the window have two replicas or more
 */
record SizeVariance(int size, double variance, double slope, double level, double replicas, boolean sampled) {
    /** Points nearest x_c the variance and slope are taken over. */
    static final int NEAREST = 4;
    /** Window values with data that make a window sampled. */
    static final int SAMPLED_VALUES = 4;

    static String observable(SweepSpec spec) {
        String crossing = spec.analysis().crossing();
        return crossing != null ? crossing : spec.analysis().exponents().get(0).observable();
    }

    static SizeVariance of(SweepSpec spec, List<PointRow> points, int size, Double across, double xc, double[] window) {
        String control = spec.analysis().control();
        String acrossAxis = spec.analysis().across();
        String observable = observable(spec);
        List<PointRow> here = points.stream()
                .filter(p -> p.size() == size && (across == null || p.params().real(acrossAxis) == across))
                .filter(p -> p.replicas() >= 2 && finite(p.observables().get(observable)))
                .toList();
        List<PointRow> inWindow = here.stream()
                .filter(p -> p.params().real(control) >= window[0] && p.params().real(control) <= window[1]).toList();
        double replicas = inWindow.stream().mapToInt(PointRow::replicas).average().orElse(0);
        boolean sampled = inWindow.size() >= SAMPLED_VALUES;
        List<PointRow> near = here.stream()
                .sorted(Comparator.comparingDouble(p -> Math.abs(p.params().real(control) - xc)))
                .limit(NEAREST).toList();
        if (near.size() < 2) {
            return new SizeVariance(size, Double.NaN, Double.NaN, Double.NaN, replicas, sampled);
        }
        double s2 = 0;
        double mean = 0;
        double meanX = 0;
        for (PointRow p : near) {
            Estimate e = p.observables().get(observable);
            s2 += e.error() * e.error() * p.replicas();
            mean += e.value();
            meanX += p.params().real(control);
        }
        s2 /= near.size();
        mean /= near.size();
        meanX /= near.size();
        double sxy = 0;
        double sxx = 0;
        for (PointRow p : near) {
            double dx = p.params().real(control) - meanX;
            sxy += dx * (p.observables().get(observable).value() - mean);
            sxx += dx * dx;
        }
        return new SizeVariance(size, s2, sxy / sxx, mean, replicas, sampled);
    }

    boolean measured() {
        return Double.isFinite(variance) && Double.isFinite(slope) && Double.isFinite(level);
    }

    private static boolean finite(Estimate e) {
        return e != null && Double.isFinite(e.value()) && Double.isFinite(e.error());
    }
}
