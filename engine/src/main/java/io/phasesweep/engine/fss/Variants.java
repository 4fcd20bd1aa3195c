package io.phasesweep.engine.fss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * One estimate computed on variants of the data (all sizes or without the smallest, with or without
 * a correction to scaling, the full window or its inner part): the first is the main estimate, the
 * others check it.
 *
 * <p>The systematic error is the part of the checks' disagreement with the main estimate that
 * statistics do not explain: for each check that passes its own checks and differs from the main
 * estimate by more than 1.5 standard errors of the difference ({@link #SIGNIFICANT}),
 * (v_check − v_main)² − var(v_check − v_main), the variance of the difference taken over the
 * shared bootstrap resamples (the variants see the same resampled data, so a variant that only adds
 * noise contributes nothing on average, and one that is biased contributes its bias). The largest
 * such excess is stderr_sys². A check that fails its own checks (a poor fit, a poor collapse) says
 * nothing about the main estimate's bias and is left out: it is written as its own flagged row.
 */
record Variants(List<Variant> all) {

    record Variant(String name, ResampledEstimate estimate) {
    }

    /**
     * A check's difference counts as a bias only beyond 1.5 of its standard errors (d² > 2.25 var).
     * Counting every excess, max(0, d² − var) of pure noise adds 2·φ(1) ≈ 0.48 of a variance on
     * average, and the largest over several checks more (the calibration's ν covered 81 %); beyond
     * 1.5σ it adds 3·φ(1.5) ≈ 0.39, beyond 2σ 0.22. 2σ lost real biases of 1.7σ (the 2D Ising
     * collapse ν at L = 12–32 against 16–32: 1.080 against 1.046, published 3.8σ from 1).
     */
    static final double SIGNIFICANT = 2.25;

    Variants {
        all = List.copyOf(all);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no variant");
        }
    }

    static Variants of(String name, ResampledEstimate main) {
        return new Variants(List.of(new Variant(name, main)));
    }

    Variant main() {
        return all.get(0);
    }

    List<Variant> checks() {
        return all.subList(1, all.size());
    }

    Variants plus(String name, ResampledEstimate check) {
        List<Variant> v = new ArrayList<>(all);
        v.add(new Variant(name, check));
        return new Variants(v);
    }

    /** Every variant mapped through f, resample by resample (a fitted power to its quantity). */
    Variants map(DoubleUnaryOperator f) {
        return new Variants(all.stream().map(v -> new Variant(v.name(), v.estimate().map(f))).toList());
    }

    /** Every variant with one more flag. */
    Variants with(Flag flag) {
        return new Variants(all.stream().map(v -> new Variant(v.name(), v.estimate().with(flag))).toList());
    }

    /** Every variant with one more flag and the sentence that says why. */
    Variants flagged(Flag flag, String why) {
        return new Variants(all.stream().map(v -> new Variant(v.name(),
                v.estimate().with(v.estimate().checks().with(flag).withNote(why)))).toList());
    }

    double stat() {
        return main().estimate().stderr();
    }

    double sys() {
        ResampledEstimate m = main().estimate();
        double sys2 = 0;
        for (Variant c : checks()) {
            ResampledEstimate e = c.estimate();
            if (!e.ok() || !e.checks().passesAsCheck()) {
                continue;
            }
            double d = e.value() - m.value();
            double noise = m.differenceVariance(e);
            if (d * d > SIGNIFICANT * noise) {
                sys2 = Math.max(sys2, d * d - noise);
            }
        }
        return Math.sqrt(sys2);
    }

    double stderr() {
        return Math.hypot(stat(), sys());
    }

    /** The checks that entered the systematic error, for the quality sentence. */
    String sysNote() {
        List<String> used = checks().stream().filter(c -> c.estimate().ok() && c.estimate().checks().passesAsCheck())
                .map(Variant::name).toList();
        if (checks().isEmpty()) {
            return "no variant to check it against";
        }
        return used.isEmpty() ? "no variant passed its checks to compare with"
                : String.format(Locale.ROOT, "sys %.3g from %s", sys(), String.join(", ", used));
    }
}
