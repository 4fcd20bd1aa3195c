package io.phasesweep.engine.fss;

/**
 * One size's observable along the control axis, as a crossing reads it.
 *
 * @param x        control values, ascending
 * @param y        the observable at them
 * @param error    its errors (NaN where unknown: one replica); null for an exact curve
 * @param replicas the replicas averaged at each value; null for an exact curve
 * @param width    the full data's transition width ({@link LocalPolynomial#transitionWidth}): a
 *                 resample's local fits read the points the full data's do; NaN for an exact curve
 * @param full     the full data's values (y itself for the full data's curve), which choose the
 *                 points every resample's local cubic reads ({@link LocalPolynomial#stencil}); null
 *                 for an exact curve
 */
public record Curve(double[] x, double[] y, double[] error, int[] replicas, double width, double[] full) {

    /** A curve known exactly: a level, or a test's function; every value weighs the same. */
    public static Curve exact(double[] x, double[] y) {
        return new Curve(x, y, null, null, Double.NaN, null);
    }

    /**
     * A measured curve as the analysis builds it from the full data, its transition width from its
     * values. Public for the refinement planner, which reads the curves of the {@code points} table.
     */
    public static Curve measured(double[] x, double[] y, double[] error, int[] replicas) {
        return new Curve(x, y, error, replicas, LocalPolynomial.transitionWidth(x, y), y);
    }

    boolean exact() {
        return error == null;
    }
}
