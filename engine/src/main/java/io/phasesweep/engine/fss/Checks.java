package io.phasesweep.engine.fss;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an estimate knows about its own reliability: the flags it raised, the goodness of its fit
 * (χ²/dof or the collapse S), the correction-to-scaling exponent it used, and a sentence for people.
 *
 * @param omegaSource {@code given} or {@code fitted} when omega is set
 */
record Checks(Set<Flag> flags, Double chi2Dof, Double s, Double omega, String omegaSource, String note) {
    /** A collapse with S above this does not collapse within errors (S ≈ 1 when it does). */
    static final double MAX_S = 3.0;
    /** A fit whose χ² is less likely than this under its own errors does not describe the data. */
    static final double MIN_P_VALUE = 0.01;
    /** Beyond this fraction of failed resamples the spread of the rest is not the error. */
    static final double MAX_FAILED_FRACTION = 0.2;

    Checks {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    static Checks note(String note) {
        return new Checks(Set.of(), null, null, null, null, note);
    }

    static Checks failed(Flag flag, String why) {
        return new Checks(Set.of(flag), null, null, null, null, why);
    }

    /** A fit's χ² with {@code dof} degrees of freedom: POOR_FIT below {@link #MIN_P_VALUE}, TOO_FEW_SIZES at dof 0. */
    static Checks fit(double chi2, int dof, String note) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        String text;
        if (dof < 1) {
            flags.add(Flag.TOO_FEW_SIZES);
            text = note + "; no degree of freedom left to check the fit";
        } else {
            double p = pValue(chi2, dof);
            if (p < MIN_P_VALUE) {
                flags.add(Flag.POOR_FIT);
            }
            text = String.format(Locale.ROOT, "%s; chi2/dof=%.3g (dof %d, p=%.2g)", note, chi2 / dof, dof, p);
        }
        return new Checks(flags, dof < 1 ? null : chi2 / dof, null, null, null, text);
    }

    static double pValue(double chi2, int dof) {
        return 1 - new ChiSquaredDistribution(dof).cumulativeProbability(chi2);
    }

    boolean passes() {
        return flags.isEmpty();
    }

    /**
     * Good enough to check another estimate against: nothing flagged but, at most, too few sizes to
     * check itself (an exact fit through the two largest sizes is still a value to compare with).
     */
    boolean passesAsCheck() {
        return flags.isEmpty() || flags.equals(Set.of(Flag.TOO_FEW_SIZES));
    }

    Checks with(Flag flag) {
        Set<Flag> f = EnumSet.of(flag);
        f.addAll(flags);
        return new Checks(f, chi2Dof, s, omega, omegaSource, note);
    }

    Checks withS(double quality) {
        return new Checks(flags, chi2Dof, quality, omega, omegaSource, note);
    }

    Checks withOmega(double w, String source) {
        return new Checks(flags, chi2Dof, s, w, source, note);
    }

    Checks withNote(String more) {
        return new Checks(flags, chi2Dof, s, omega, omegaSource, note + "; " + more);
    }
}
