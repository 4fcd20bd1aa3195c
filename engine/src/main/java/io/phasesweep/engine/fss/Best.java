package io.phasesweep.engine.fss;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recommended value of a quantity: the combination of the estimates that pass their checks.
 *
 * <p>The value is their mean weighted by 1/stderr², on the full data and on every resample with the
 * same weights, so the statistical error is the bootstrap spread of the combination: the estimates
 * come from the same data, and the shared resamples carry their correlation (no independent-errors
 * shrinkage). The systematic error covers (a) the inputs' own systematic errors, their weighted
 * root mean square, and (b) their disagreement: for each input, the part of (v_i − v̄)² that neither
 * the statistics of the difference (over resamples) nor its own systematic error explains. The
 * larger is stderr_sys.
 *
 * @param value  the combination, with its resample values
 * @param sys    the systematic error
 * @param inputs the estimates combined
 */
record Best(ResampledEstimate value, double sys, List<Estimate> inputs) {

    /** Empty when no candidate passes its checks. */
    static Optional<Best> of(List<Estimate> candidates) {
        List<Estimate> passing = candidates.stream().filter(Estimate::passes).toList();
        if (passing.isEmpty()) {
            return Optional.empty();
        }
        int resamples = passing.get(0).main().replicates().length;
        double[] w = new double[passing.size()];
        double wsum = 0;
        double sys2 = 0;
        for (int i = 0; i < w.length; i++) {
            Variants v = passing.get(i).variants();
            w[i] = 1 / (v.stderr() * v.stderr());
            wsum += w[i];
            sys2 += w[i] * v.sys() * v.sys();
        }
        sys2 /= wsum;
        double[] combined = new double[resamples + 1];
        for (int b = 0; b <= resamples; b++) {
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * passing.get(i).main().at(b);
            }
            combined[b] = sum / wsum;
        }
        TreeSet<Integer> sizes = new TreeSet<>();
        passing.forEach(e -> sizes.addAll(e.main().sizes()));
        ResampledEstimate value = new ResampledEstimate(combined[0], Arrays.copyOfRange(combined, 1, resamples + 1),
                List.copyOf(sizes), Checks.note(""));
        for (Estimate e : passing) {
            ResampledEstimate m = e.main();
            double d = m.value() - combined[0];
            double own = e.variants().sys();
            sys2 = Math.max(sys2, d * d - m.differenceVariance(value) - own * own);
        }
        double sys = Math.sqrt(Math.max(0, sys2));
        String note = String.format(Locale.ROOT, "weighted mean of %s; sys %.3g covers their systematic errors and"
                + " disagreement", String.join(", ", passing.stream().map(Best::name).toList()), sys);
        return Optional.of(new Best(value.with(Checks.note(note)), sys, passing));
    }

    private static String name(Estimate e) {
        return e.method() + (e.observable() == null ? "" : ":" + e.observable());
    }

    double stat() {
        return value.stderr();
    }

    double stderr() {
        return Math.hypot(stat(), sys);
    }

    Finding finding(String across, Double acrossValue) {
        ResampledEstimate v = value;
        return new Finding(across, acrossValue, Finding.BEST, null, Finding.MAIN, v.value(), stderr(), stat(), sys,
                v.sizes(), Set.of(), null, null, null, null, null, null, v.resamplesFailed(),
                v.checks().note());
    }
}
