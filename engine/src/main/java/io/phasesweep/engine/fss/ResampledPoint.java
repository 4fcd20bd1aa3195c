package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.Bootstrap;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.ReplicaData;
import io.phasesweep.engine.sweep.Seeds;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One (parameters, size) after replica averaging: every observable (measured, then derived) on the
 * full data with its jackknife error, and on each bootstrap resample b = 1..B. This is all the
 * analysis needs of a point, so it can be computed where the point's rows are (a Spark task) and
 * the driver receives points × resamples numbers, never the rows.
 *
 * <p>The bootstrap is a Poisson bootstrap: in resample b, replica r of size L counts w times, w a
 * Poisson(1) number drawn from the stream {@link Seeds#bootstrap}(seed, L, r) at index b. A replica
 * thus has the same weight at every control value (its disorder is the same along the curve, so the
 * points of a curve are resampled together), sizes are resampled independently, and a weight
 * depends on nothing but (seed, size, replica, b): not on the other replicas, the order of the rows
 * or the partitioning. A point whose replicas all weigh 0 in resample b (likely only with very few
 * replicas) takes fresh weights from the same streams at further indices until one is positive.
 *
 * @param replicas  successful replicas averaged (0: every row failed, values and errors NaN)
 * @param failed    failed or timed-out rows of the point
 * @param values    measured then derived observables on the full data
 * @param errors    their delete-one jackknife errors (NaN with one replica)
 * @param resampled resampled[b - 1]: the observables in resample b; none when the analysis needs none
 */
public record ResampledPoint(PointKey key, int replicas, int failed, double[] values, double[] errors,
                             double[][] resampled) implements Serializable {

    /** Index of a resample's weights after {@code round} all-zero draws: the round in the high word. */
    private static final int ROUND_SHIFT = 32;

    /**
     * @param data      the point's successful replicas, ascending ids
     * @param resamples B; 0 for the full-data values only
     * @param seed      the analysis' bootstrap seed (the sweep's seed by default)
     */
    public static ResampledPoint of(ReplicaData data, int failed, ObservableSet observables, int resamples, long seed) {
        Estimate[] full = data.aggregate(observables);
        int n = data.replicas().length;
        long[] streams = new long[n];
        for (int i = 0; i < n; i++) {
            streams[i] = Seeds.bootstrap(seed, data.key().size(), data.replicas()[i]);
        }
        double[][] resampled = new double[resamples][];
        int[] weights = new int[n];
        for (int b = 1; b <= resamples; b++) {
            int total = 0;
            for (long round = 0; total == 0; round++) {
                long index = (round << ROUND_SHIFT) | b;
                for (int i = 0; i < n; i++) {
                    weights[i] = Bootstrap.poisson(Seeds.uniform(streams[i], index));
                    total += weights[i];
                }
            }
            resampled[b - 1] = data.evaluate(weights, observables);
        }
        return new ResampledPoint(data.key(), n, failed, Arrays.stream(full).mapToDouble(Estimate::value).toArray(),
                Arrays.stream(full).mapToDouble(Estimate::error).toArray(), resampled);
    }

    /** A point none of whose rows succeeded: NaN values, no resamples. */
    public static ResampledPoint failedOnly(PointKey key, int failed, ObservableSet observables) {
        double[] nan = new double[observables.names().size()];
        Arrays.fill(nan, Double.NaN);
        return new ResampledPoint(key, 0, failed, nan, nan.clone(), new double[0][]);
    }

    /** The row of {@code points}. */
    public PointRow row(List<String> names) {
        Map<String, Estimate> observables = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            observables.put(names.get(i), new Estimate(values[i], errors[i]));
        }
        return new PointRow(key.params(), key.size(), replicas, failed, observables);
    }
}
