package io.phasesweep.engine.fss;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One estimate of a critical value or an exponent, with the columns every row of {@code boundaries}
 * and {@code exponents} shares.
 *
 * @param method         {@code crossing}, {@code collapse}, {@code peak}, {@code at-critical},
 *                       {@code slope}, {@code location}, or {@code best}, the recommended value
 * @param observable     the observable it was read from (null for best)
 * @param variant        {@code main} for a method's estimate, whose stderr includes the spread of its
 *                       variants; otherwise the variant this row was computed on ({@code all_sizes},
 *                       {@code drop_smallest}, {@code window}, {@code corrected}, ...) as a check
 * @param stderr         √(stderr_stat² + stderr_sys²)
 * @param stderrStat     bootstrap error over replicas (×√S for a collapse with S > 1)
 * @param stderrSys      the part of the variants' disagreement that their statistics do not explain
 * @param flags          checks it fails; a flagged estimate never enters best
 * @param level          the level of a {@code location} that crosses one, else null
 * @param size           the one size of a per-size location, else null
 * @param omega          the correction-to-scaling exponent of a corrected fit, else null
 * @param omegaSource    {@code given} (from the sweep file) or {@code fitted}, with omega
 * @param chi2Dof        χ²/dof of its fit, or null
 * @param s              the collapse quality S, or null
 * @param resamplesFailed bootstrap resamples on which the estimator failed (left out of the error)
 * @param quality        a sentence on how it was obtained and what limits it
 */
public record Finding(String across, Double acrossValue, String method, String observable, String variant,
                      double value, double stderr, double stderrStat, double stderrSys, List<Integer> sizes,
                      Set<Flag> flags, Double level, Integer size, Double omega, String omegaSource, Double chi2Dof,
                      Double s, int resamplesFailed, String quality) implements Serializable {
    public static final String MAIN = "main";
    public static final String BEST = "best";

    public Finding {
        sizes = List.copyOf(sizes);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A method's estimate or best, as opposed to a variant computed as a check or one size's location. */
    public boolean isMain() {
        return variant.equals(MAIN) && size == null;
    }

    public boolean isBest() {
        return method.equals(BEST);
    }

    /** Flag names in declaration order, as written in the {@code flags} column. */
    public List<String> flagColumn() {
        return flags.isEmpty() ? List.of() : EnumSet.copyOf(flags).stream().map(Flag::column).toList();
    }
}
