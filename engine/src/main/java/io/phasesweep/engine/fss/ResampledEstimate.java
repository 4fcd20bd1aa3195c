package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.Bootstrap;
import io.phasesweep.engine.stats.Moments;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * An estimate on the full data and on each bootstrap resample; its error is the standard deviation
 * of the resample estimates. Resamples where the estimator failed (NaN, e.g. no crossing) are left
 * out of the error and counted in the quality.
 *
 * @param replicates estimate on resample b at index b − 1
 * @param quality    χ²/dof, S or a note
 */
record ResampledEstimate(double value, double[] replicates, List<Integer> sizes, String quality) {

    ResampledEstimate {
        sizes = List.copyOf(sizes);
    }

    static ResampledEstimate failed(List<Integer> sizes, String why, int resamples) {
        double[] nan = new double[resamples];
        Arrays.fill(nan, Double.NaN);
        return new ResampledEstimate(Double.NaN, nan, sizes, why);
    }

    boolean ok() {
        return Double.isFinite(value);
    }

    /** The estimate on resample b, b = 0 the full data. */
    double at(int b) {
        return b == 0 ? value : replicates[b - 1];
    }

    double stderr() {
        return Bootstrap.finite(replicates).std();
    }

    /** The quality with a count of failed resamples appended when there are any. */
    String fullQuality() {
        Moments m = Bootstrap.finite(replicates);
        long failed = replicates.length - m.count();
        return failed == 0 ? quality : quality + "; " + failed + " of " + replicates.length + " resamples failed";
    }

    /** The same estimate mapped through f (e.g. ν = 1/(1/ν)), resample by resample. */
    ResampledEstimate map(DoubleUnaryOperator f) {
        double[] r = new double[replicates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(replicates[i]);
        }
        return new ResampledEstimate(f.applyAsDouble(value), r, sizes, quality);
    }
}
