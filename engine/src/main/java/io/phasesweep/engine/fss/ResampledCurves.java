package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.Bootstrap;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.ReplicaData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The curves of one analysis group (one value of the across axis): for each size, the points along
 * the control axis, with every observable evaluated on the full data (resample 0) and on bootstrap
 * resamples 1..B over replicas. Every estimator runs on each resample, and the spread of its results
 * is its error bar, so all estimates of a group share the same resamples (an exponent at x_c sees
 * the x_c of the same resample).
 *
 * <p>A resample draws replica ids with replacement once per size and uses the same draw at every
 * control value: the disorder of a replica is the same along the control axis (its seed depends on
 * size and replica only), so the curves of one size are correlated and must be resampled together.
 * A point that has none of the drawn replicas (failed rows) is resampled on its own. Sizes have
 * independent disorder and are resampled independently. Derived observables are re-evaluated from
 * the resampled means.
 */
final class ResampledCurves {
    private final int[] sizes;
    private final double[][] x;
    private final double[][][][] values;
    private final double[][][] errors;

    private ResampledCurves(int[] sizes, double[][] x, double[][][][] values, double[][][] errors) {
        this.sizes = sizes;
        this.x = x;
        this.values = values;
        this.errors = errors;
    }

    /**
     * @param points    the points of the group, every one with at least one replica
     * @param resamples B, the number of bootstrap resamples
     */
    static ResampledCurves of(List<ReplicaData> points, ObservableSet observables, String control, int resamples,
                              RandomGenerator rng) {
        TreeMap<Integer, List<ReplicaData>> bySize = new TreeMap<>();
        for (ReplicaData p : points) {
            bySize.computeIfAbsent(p.key().size(), k -> new ArrayList<>()).add(p);
        }
        int[] sizes = bySize.keySet().stream().mapToInt(Integer::intValue).toArray();
        int n = sizes.length;
        double[][] x = new double[n][];
        double[][][][] values = new double[resamples + 1][n][][];
        double[][][] errors = new double[n][][];
        for (int s = 0; s < n; s++) {
            List<ReplicaData> curve = bySize.get(sizes[s]).stream()
                    .sorted(Comparator.comparingDouble(p -> p.key().params().real(control))).toList();
            x[s] = curve.stream().mapToDouble(p -> p.key().params().real(control)).toArray();
            errors[s] = new double[curve.size()][];
            values[0][s] = new double[curve.size()][];
            for (int i = 0; i < curve.size(); i++) {
                ReplicaData p = curve.get(i);
                Estimate[] agg = p.aggregate(observables);
                errors[s][i] = Arrays.stream(agg).mapToDouble(Estimate::error).toArray();
                values[0][s][i] = Arrays.stream(agg).mapToDouble(Estimate::value).toArray();
            }
            int[] ids = curve.stream().flatMapToInt(p -> Arrays.stream(p.replicas())).distinct().sorted().toArray();
            for (int b = 1; b <= resamples; b++) {
                int[] drawn = Bootstrap.counts(ids.length, rng);
                values[b][s] = new double[curve.size()][];
                for (int i = 0; i < curve.size(); i++) {
                    ReplicaData p = curve.get(i);
                    int[] counts = new int[p.replicas().length];
                    int total = 0;
                    for (int r = 0; r < counts.length; r++) {
                        counts[r] = drawn[Arrays.binarySearch(ids, p.replicas()[r])];
                        total += counts[r];
                    }
                    if (total == 0) {
                        counts = Bootstrap.counts(counts.length, rng);
                    }
                    values[b][s][i] = p.evaluate(counts, observables);
                }
            }
        }
        return new ResampledCurves(sizes, x, values, errors);
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

    /** Jackknife errors of observable {@code obs} for size index s (full data). */
    double[] error(int s, int obs) {
        double[] e = new double[errors[s].length];
        for (int i = 0; i < e.length; i++) {
            e[i] = errors[s][i][obs];
        }
        return e;
    }
}
