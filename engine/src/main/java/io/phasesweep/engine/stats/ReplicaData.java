package io.phasesweep.engine.stats;

import java.util.Arrays;
import java.util.List;

/**
 * The replicas of one (parameters, size): replica ids and their measured values, the input of
 * replica averaging and of resampling.
 *
 * @param replicas replica ids, ascending
 * @param values   values[i][j]: replica {@code replicas[i]}, measured observable j of the set
 */
public record ReplicaData(PointKey key, int[] replicas, double[][] values) {

    /** Collects the samples of one point; every measured observable must be present and finite. */
    public static ReplicaData of(PointKey key, List<Sample> samples, ObservableSet observables) {
        List<Sample> sorted = samples.stream().sorted((a, b) -> Integer.compare(a.replica(), b.replica())).toList();
        int[] ids = new int[sorted.size()];
        double[][] values = new double[sorted.size()][observables.measured().size()];
        for (int i = 0; i < ids.length; i++) {
            Sample s = sorted.get(i);
            ids[i] = s.replica();
            for (int j = 0; j < values[i].length; j++) {
                String name = observables.measured().get(j);
                Double v = s.values().get(name);
                if (v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("point " + key + " replica " + s.replica()
                            + ": observable " + name + " is " + v + "; a successful row needs every observable finite");
                }
                values[i][j] = v;
            }
        }
        return new ReplicaData(key, ids, values);
    }

    /** Means over replicas and derived observables, with delete-one jackknife errors. */
    public Estimate[] aggregate(ObservableSet observables) {
        return Jackknife.deleteOne(values, means -> observables.evaluate(means, key.params(), key.size()));
    }

    /** Measured means and derived observables when replica i is counted {@code counts[i]} times. */
    public double[] evaluate(int[] counts, ObservableSet observables) {
        double[] means = new double[values[0].length];
        int total = 0;
        for (int i = 0; i < replicas.length; i++) {
            total += counts[i];
            for (int j = 0; j < means.length; j++) {
                means[j] += counts[i] * values[i][j];
            }
        }
        for (int j = 0; j < means.length; j++) {
            means[j] /= total;
        }
        return observables.evaluate(means, key.params(), key.size());
    }

    /** Every replica once: the full-data values. */
    public int[] allOnce() {
        int[] c = new int[replicas.length];
        Arrays.fill(c, 1);
        return c;
    }
}
