package io.phasesweep.engine.fss;

import java.util.ArrayList;
import java.util.List;

/**
 * One method's estimate of one quantity from one observable, on its variants.
 *
 * @param level for a {@code location} that crosses a level, else null
 * @param size  for one size's own location, else null
 */
record Estimate(Quantity quantity, String method, String observable, Double level, Integer size, Variants variants) {

    ResampledEstimate main() {
        return variants.main().estimate();
    }

    /** The same estimate with its main variant flagged, and why. */
    Estimate withMain(Flag flag, String why) {
        ResampledEstimate m = main();
        List<Variants.Variant> all = new ArrayList<>(variants.all());
        all.set(0, new Variants.Variant(variants.main().name(), m.with(m.checks().with(flag).withNote(why))));
        return new Estimate(quantity, method, observable, level, size, new Variants(all));
    }

    /** Passes its checks and has a value: may enter best. */
    boolean passes() {
        return main().ok() && main().checks().passes();
    }

    /** The rows: the main estimate (error with the variants' systematic part), then each check variant. */
    List<Finding> findings(String across, Double acrossValue) {
        List<Finding> out = new ArrayList<>();
        Variants.Variant m = variants.main();
        String note = m.estimate().checks().note() + "; variant " + m.name()
                + (variants.checks().isEmpty() ? "" : "; " + variants.sysNote());
        out.add(finding(across, acrossValue, Finding.MAIN, m.estimate(), variants.stat(), variants.sys(), note));
        for (Variants.Variant c : variants.checks()) {
            out.add(finding(across, acrossValue, c.name(), c.estimate(), c.estimate().stderr(), 0.0,
                    c.estimate().checks().note()));
        }
        return out;
    }

    private Finding finding(String across, Double acrossValue, String variant, ResampledEstimate e, double stat,
                            double sys, String note) {
        Checks c = e.checks();
        return new Finding(across, acrossValue, method, observable, variant, e.value(), Math.hypot(stat, sys), stat, sys,
                e.sizes(), c.flags(), level, size, c.omega(), c.omegaSource(), c.chi2Dof(), c.s(), e.resamplesFailed(), note);
    }
}
