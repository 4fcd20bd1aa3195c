package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;

import java.util.List;

/**
 * An analysis method named in the sweep file's {@code analysis.exponents}: it owns its run on one
 * group of curves and the estimates it yields, of the critical value and of the requested quantity.
 * A new method is one class here and its name in {@link ExponentRequest#METHODS}; the tables, the
 * console and the report read its rows through their columns.
 */
sealed interface Method permits CollapseMethod, PeakMethod, AtCriticalMethod, LocationMethod {

    static Method of(ExponentRequest r) {
        return switch (r.method()) {
            case "collapse" -> new CollapseMethod(r);
            case "peak" -> new PeakMethod(r);
            case "at-critical" -> new AtCriticalMethod(r, false);
            case "slope" -> new AtCriticalMethod(r, true);
            case "location" -> new LocationMethod(r);
            default -> throw new IllegalArgumentException("unknown method " + r.method() + "; known: " + ExponentRequest.METHODS);
        };
    }

    /** It reads the group's critical value, so it runs after the critical-value estimates are combined. */
    default boolean needsCriticalValue() {
        return false;
    }

    /** Estimates of the critical value ({@link Quantity#CRITICAL_VALUE}) and of the requested quantity. */
    List<Estimate> run(GroupAnalysis g);
}
