package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.AnalysisMethod;
import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;

import java.util.List;

/**
 * An analysis method named in the sweep file's {@code analysis.exponents}: it owns its run on one
 * group of curves and the estimates it yields, of the critical value and of the requested quantity.
 * A new method is one class here and its constant in {@link AnalysisMethod}, the one registration
 * (this switch has no default, so a constant without a class does not compile); the tables, the
 * console and the report read its rows through their columns, and the parser, printer and schema
 * take its word from the constant.
 */
sealed interface Method permits CollapseMethod, PeakMethod, AtCriticalMethod, LocationMethod {

    static Method of(ExponentRequest r) {
        return switch (r.method()) {
            case COLLAPSE -> new CollapseMethod(r);
            case PEAK -> new PeakMethod(r);
            case AT_CRITICAL, SLOPE -> new AtCriticalMethod(r);
            case LOCATION -> new LocationMethod(r);
        };
    }

    /** It reads the group's critical value, so it runs after the critical-value estimates are combined. */
    default boolean needsCriticalValue() {
        return false;
    }

    /** Estimates of the critical value ({@link Quantity#CRITICAL_VALUE}) and of the requested quantity. */
    List<Estimate> run(GroupAnalysis g);
}
