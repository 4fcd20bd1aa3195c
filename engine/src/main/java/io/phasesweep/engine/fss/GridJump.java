package io.phasesweep.engine.fss;

/**
 * A step of one size's curve between two neighbouring grid points next to an estimate of x_c that
 * carries more than {@link GridResolution#MAX_STEP_SHARE} of the curve's range: what flags a
 * crossing or collapse {@link Flag#UNDER_RESOLVED}, and where a finer grid is needed.
 *
 * @param from  the lower control value of the step
 * @param to    the upper one
 * @param share the step's share of the curve's range (max − min)
 */
public record GridJump(int size, double from, double to, double share) {
}
