package io.phasesweep.engine.fss;

/**
 * Why an estimate is not to be trusted as it stands: written in the {@code flags} column, and an
 * estimate with any flag never enters the {@code best} row.
 */
public enum Flag {
    /** A size's peak sits on the edge of the control window: its height and position are bounds. */
    PEAK_AT_EDGE,
    /** The collapse quality S is above {@link Checks#MAX_S}: the data do not collapse within their errors. */
    POOR_COLLAPSE,
    /** The fit's χ² has a p-value below {@link Checks#MIN_P_VALUE}: the form does not describe the data. */
    POOR_FIT,
    /** Too few sizes to check the estimate (no degree of freedom left, or no variant to compare with). */
    TOO_FEW_SIZES,
    /**
     * Pair crossings drift beyond their errors, and the drift cannot be fitted with the pairs there
     * are; or a pair of sizes above one that crosses does not cross in its common range.
     */
    DRIFT_UNRESOLVED,
    /** A fitted exponent (ω, or the drift exponent) ran to the bound of its search range. */
    EXPONENT_AT_BOUND,
    /** More than {@link Checks#MAX_FAILED_FRACTION} of the bootstrap resamples failed. */
    RESAMPLES_FAILED,
    /** No error bar: one replica, or identical replicas. */
    NO_ERROR,
    /** The estimator found nothing (no crossing, no peak, no level crossed). */
    NOT_FOUND,
    /**
     * The method's error bars under-cover the truth in the calibration on synthetic data with
     * corrections to scaling (CalibrationTest), and another estimate passes: a collapse's x_c beside
     * a crossing. Published for comparison, not as best.
     */
    COVERAGE_BELOW_BAND,
    /** It rests on a critical value that is itself flagged or missing. */
    CRITICAL_VALUE_FLAGGED,
    /**
     * A collapse or crossing where some size's curve jumps by more than half its range between two
     * neighbouring grid points next to the estimate, or a peak method where it does so next to its top
     * ({@link GridResolution}): the grid does not resolve that size's transition or peak, and the
     * interpolation across the jump is an error the resamples do not see.
     */
    UNDER_RESOLVED,
    /**
     * A crossing whose local cubic at some pair crossing reads mostly points of fewer than
     * {@link Crossing#FEW_REPLICAS} replicas: their errors rest on one or two degrees of
     * freedom each and come out several times too small often enough that the bootstrap's error
     * bar cannot be trusted.
     */
    FEW_REPLICAS;

    /** The column value: lower case, as in {@code peak_at_edge}. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
