package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.Bootstrap;
import io.phasesweep.engine.stats.Moments;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * An estimate on the full data and on each bootstrap resample; its statistical error is the
 * standard deviation of the resample estimates. Resamples where the estimator failed (NaN, e.g. no
 * crossing) are left out of the error and counted.
 *
 * @param replicates estimate on resample b at index b − 1
 */
record ResampledEstimate(double value, double[] replicates, List<Integer> sizes, Checks checks) {

    ResampledEstimate {
        sizes = List.copyOf(sizes);
    }

    static ResampledEstimate failed(List<Integer> sizes, Flag flag, String why, int resamples) {
        double[] nan = new double[resamples];
        Arrays.fill(nan, Double.NaN);
        return new ResampledEstimate(Double.NaN, nan, sizes, Checks.failed(flag, why));
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

    int resamplesFailed() {
        Moments m = Bootstrap.finite(replicates);
        return (int) (replicates.length - m.count());
    }

    /**
     * Variance over resamples of (other − this), where both exist: the statistical spread of the
     * difference of two estimates from the same resampled data.
     */
    double differenceVariance(ResampledEstimate other) {
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (int i = 0; i < replicates.length; i++) {
            double d = other.replicates[i] - replicates[i];
            if (Double.isFinite(d)) {
                sum += d;
                sum2 += d * d;
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.max(0, (sum2 - n * mean * mean) / (n - 1));
    }

    /** With the flags its numbers call for: no error bar, too many failed resamples. */
    ResampledEstimate judged() {
        Checks c = checks;
        if (!ok()) {
            c = c.flags().isEmpty() ? c.with(Flag.NOT_FOUND) : c;
        } else {
            double e = stderr();
            if (!(e > 1e-12 * Math.max(1, Math.abs(value)))) {
                c = c.with(Flag.NO_ERROR);
            }
            if (resamplesFailed() > Checks.MAX_FAILED_FRACTION * replicates.length) {
                c = c.with(Flag.RESAMPLES_FAILED);
            }
        }
        return new ResampledEstimate(value, replicates, sizes, c);
    }

    /** The same estimate mapped through f (e.g. ν = 1/(1/ν)), resample by resample. */
    ResampledEstimate map(DoubleUnaryOperator f) {
        double[] r = new double[replicates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(replicates[i]);
        }
        return new ResampledEstimate(f.applyAsDouble(value), r, sizes, checks);
    }

    /** The resample estimates spread by {@code factor} around the value: the error times factor. */
    ResampledEstimate widened(double factor) {
        double[] r = new double[replicates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = value + factor * (replicates[i] - value);
        }
        return new ResampledEstimate(value, r, sizes, checks);
    }

    ResampledEstimate with(Checks c) {
        return new ResampledEstimate(value, replicates, sizes, c);
    }

    ResampledEstimate with(Flag flag) {
        return with(checks.with(flag));
    }
}
