package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.ObservableSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The curves of one analysis group (one value of the across axis): for each size, the points along
 * the control axis, with every observable evaluated on the full data (resample 0) and on bootstrap
 * resamples 1..B over replicas. Every estimator runs on each resample, and the spread of its results
 * is its error bar, so all estimates of a group share the same resamples (an exponent at x_c sees
 * the x_c of the same resample).
 *
 * <p>The resamples are those of {@link ResampledPoint}: a Poisson bootstrap whose replica weights
 * depend on (seed, size, replica, b) only, so a replica weighs the same at every control value: the
 * disorder of a replica is the same along the control axis (its seed depends on size and replica
 * only), so the curves of one size are correlated and are resampled together. Sizes have
 * independent disorder and independent weights. Derived observables are re-evaluated from the
 * resampled means.
 */
final class ResampledCurves {
    private final int[] sizes;
    private final double[][] x;
    private final double[][][][] values;
    private final double[][][] errors;
    private final int[][] replicas;
    /** probability[obs]: whether the observable is a probability ({@link ObservableSet#probability}). */
    private final boolean[] probability;
    /** widths[s][obs]: the full data's transition width, which every resample's curve carries. */
    private final double[][] widths;

    private ResampledCurves(int[] sizes, double[][] x, double[][][][] values, double[][][] errors, int[][] replicas,
                            boolean[] probability) {
        this.sizes = sizes;
        this.x = x;
        this.values = values;
        this.errors = errors;
        this.replicas = replicas;
        this.probability = probability;
        this.widths = new double[sizes.length][];
        for (int s = 0; s < sizes.length; s++) {
            int observables = values[0][s].length == 0 ? 0 : values[0][s][0].length;
            widths[s] = new double[observables];
            for (int obs = 0; obs < observables; obs++) {
                widths[s][obs] = LocalPolynomial.transitionWidth(x[s], y(0, s, obs));
            }
        }
    }

    /**
     * From resampled point values, wherever they were computed.
     *
     * @param points the points of the group, every one with at least one replica and the same number of resamples
     */
    static ResampledCurves of(List<ResampledPoint> points, String control) {
        return of(points, control, new boolean[points.isEmpty() ? 0 : points.get(0).values().length]);
    }

    /** ... with the observables' set, which says which are probabilities. */
    static ResampledCurves of(List<ResampledPoint> points, String control, ObservableSet observables) {
        boolean[] probability = new boolean[observables.names().size()];
        for (int obs = 0; obs < probability.length; obs++) {
            probability[obs] = observables.probability(obs);
        }
        return of(points, control, probability);
    }

    private static ResampledCurves of(List<ResampledPoint> points, String control, boolean[] probability) {
        TreeMap<Integer, List<ResampledPoint>> bySize = new TreeMap<>();
        for (ResampledPoint p : points) {
            if (p.replicas() == 0 || p.resampled().length != points.get(0).resampled().length) {
                throw new IllegalArgumentException("point " + p.key() + " has " + p.replicas() + " replicas and "
                        + p.resampled().length + " resamples; curves need replicas and "
                        + points.get(0).resampled().length + " resamples at every point");
            }
            bySize.computeIfAbsent(p.key().size(), k -> new ArrayList<>()).add(p);
        }
        int resamples = points.isEmpty() ? 0 : points.get(0).resampled().length;
        int[] sizes = bySize.keySet().stream().mapToInt(Integer::intValue).toArray();
        int n = sizes.length;
        double[][] x = new double[n][];
        double[][][][] values = new double[resamples + 1][n][][];
        double[][][] errors = new double[n][][];
        int[][] replicas = new int[n][];
        for (int s = 0; s < n; s++) {
            List<ResampledPoint> curve = bySize.get(sizes[s]).stream()
                    .sorted(Comparator.comparingDouble(p -> p.key().params().real(control))).toList();
            x[s] = curve.stream().mapToDouble(p -> p.key().params().real(control)).toArray();
            errors[s] = curve.stream().map(ResampledPoint::errors).toArray(double[][]::new);
            replicas[s] = curve.stream().mapToInt(ResampledPoint::replicas).toArray();
            values[0][s] = curve.stream().map(ResampledPoint::values).toArray(double[][]::new);
            for (int b = 1; b <= resamples; b++) {
                int resample = b - 1;
                values[b][s] = curve.stream().map(p -> p.resampled()[resample]).toArray(double[][]::new);
            }
        }
        return new ResampledCurves(sizes, x, values, errors, replicas, probability);
    }

    /** The curves of the sizes with index {@code from} (inclusive) to {@code to} (exclusive), sharing these arrays. */
    ResampledCurves sizes(int from, int to) {
        double[][][][] v = new double[values.length][][][];
        for (int b = 0; b < values.length; b++) {
            v[b] = Arrays.copyOfRange(values[b], from, to);
        }
        return new ResampledCurves(Arrays.copyOfRange(sizes, from, to), Arrays.copyOfRange(x, from, to), v,
                Arrays.copyOfRange(errors, from, to), Arrays.copyOfRange(replicas, from, to), probability);
    }

    /** Points whose jackknife error is undefined (one replica). */
    int singleReplicaPoints() {
        int n = 0;
        for (double[][] curve : errors) {
            for (double[] point : curve) {
                n += Double.isNaN(point[0]) ? 1 : 0;
            }
        }
        return n;
    }

    int[] sizes() {
        return sizes.clone();
    }

    int sizeCount() {
        return sizes.length;
    }

    int size(int s) {
        return sizes[s];
    }

    int resamples() {
        return values.length - 1;
    }

    /** Control values of size index s, ascending. */
    double[] x(int s) {
        return x[s];
    }

    /** Observable {@code obs} along the control axis for size index s in resample b (0 = full data). */
    double[] y(int b, int s, int obs) {
        double[][] pts = values[b][s];
        double[] y = new double[pts.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = pts[i][obs];
        }
        return y;
    }

    /**
     * Size index s's curve of observable {@code obs} in resample b, with the full data's errors,
     * replicas, width and values (computed once: every resample's crossing reads the points the
     * full data's reads).
     */
    Curve curve(int b, int s, int obs) {
        double[] full = y(0, s, obs);
        return new Curve(x[s], b == 0 ? full : y(b, s, obs), error(s, obs), replicas[s], widths[s][obs], full);
    }

    /** Whether observable obs is a probability ({@link ObservableSet#probability}). */
    boolean probability(int obs) {
        return probability[obs];
    }

    /**
     * Whether point i of size index s has at least one replica's worth of a probability's events
     * between its full-data value and either bound: n·y &gt;= 1 and n·(1 − y) &gt;= 1 for n replicas.
     * Nearer the bound the mean is the work of at most one replica, and so is its jackknife error:
     * the grand-canonical wrapping probability of a percolation replica is a binomial tail far from
     * its threshold, and a point of L = 256 read 1.8·10⁻²² ± 1.8·10⁻²², decided by the one replica
     * with the lowest threshold (of 20), while the true mean there is unknown below about 1/20.
     * Every other observable's points count.
     */
    boolean resolved(int s, int i, int obs) {
        if (!probability[obs]) {
            return true;
        }
        double y = values[0][s][i][obs];
        int n = replicas[s][i];
        return n * y >= 1 && n * (1 - y) >= 1;
    }

    /** Jackknife errors of observable {@code obs} for size index s (full data). */
    double[] error(int s, int obs) {
        double[] e = new double[errors[s].length];
        for (int i = 0; i < e.length; i++) {
            e[i] = errors[s][i][obs];
        }
        return e;
    }
}
