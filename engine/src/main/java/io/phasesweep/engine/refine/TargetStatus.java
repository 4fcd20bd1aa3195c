package io.phasesweep.engine.refine;

/**
 * One target after a round: the {@code best} row of a quantity at an across value, against the
 * stderr wanted.
 *
 * @param quantity    as in the refine section: {@code critical_value} or an exponent quantity
 * @param acrossValue the across value, or null without an across axis
 * @param value       the best value, or null when no estimate passed its checks
 * @param stderr      its stderr, or null with value
 * @param target      the stderr wanted
 */
public record TargetStatus(String quantity, Double acrossValue, Double value, Double stderr, double target) {

    /** stderr / target: at most 1 when met; infinite without a best row. */
    public double ratio() {
        return stderr == null ? Double.POSITIVE_INFINITY : stderr / target;
    }

    public boolean met() {
        return ratio() <= 1;
    }
}
