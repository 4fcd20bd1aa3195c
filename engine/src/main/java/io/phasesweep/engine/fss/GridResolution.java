package io.phasesweep.engine.fss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Whether the grid of the control resolves each size's own curve ({@link Flag#UNDER_RESOLVED}).
 * Public for the refinement planner, which fills the intervals where a curve jumps.
 */
public final class GridResolution {
    private GridResolution() {
    }

    /** A size jumps when one step between neighbouring grid points carries more than this share of its range. */
    static final double MAX_STEP_SHARE = 0.5;
    /** A curve whose range is below this many of its mean point errors is noise, and is not judged. */
    static final double SIGNIFICANT_RANGE = 4.0;

    /**
     * The sizes whose own curve the grid does not resolve, as a note; null when every size's is. A
     * curve is unresolved when it jumps: one step between neighbouring grid points carries more
     * than {@link #MAX_STEP_SHARE} of its range (max − min, where that range is significant). A
     * sigmoid whose 10-90 % rise spans w sampled at spacing h has a largest step of about 1.1·h/w of
     * its rise, so this asks the rise (or a peak's flank) to span about two grid spacings at least.
     * The other sizes' points are compared with a quadratic through this size's nearest points,
     * which then reaches across the jump; a crossing is interpolated across it: on a grid far coarser
     * than the largest size's scaling window (5 temperatures over [2.0, 2.6] at L = 64) that
     * interpolation error, which no resample sees, put the collapse's x_c 2 and the crossing's 3 of
     * their error bars off.
     *
     * <p>Judged on each size's own curve in the control, not in scaled x: at a fitted 1/ν near 0
     * every size looks resolved in scaled x (a grid of 17 temperatures over [1.1, 3.5] collapsed
     * so at ν = 11), and the overlap of the sizes' scaled ranges grows with the grid's extent, not its
     * spacing. Not by where the curve's total variation lies either: on a wide grid the noise of the
     * plateaus carries as much variation as the jump.
     *
     * <p>Only a jump next to the estimate counts (in the grid interval holding x_c or one beside it):
     * a refined sweep keeps its first coarse grid, whose steps far from x_c the estimate does not
     * read (a refined 2D Ising sweep's L = 48 jumped between 2.30 and 2.45 with T_c at 2.269).
     *
     * <p>A property of the grid, judged on all of a size's points: a window variant keeps only a few
     * points of each size, between which a resolved curve can rise by half its (narrow) range, so it
     * is not judged again (flagged, it would leave the systematic error as a failed check: the SK
     * study's ν lost two thirds of its error bar so).
     *
     * @param first the index of the first size used
     * @param xc    the estimate of the critical value
     */
    static String unresolved(ResampledCurves c, int obs, int first, double xc) {
        return unresolved(c, obs, first, s -> xc, "transition");
    }

    /**
     * The sizes whose peak of observable {@code obs} the grid does not resolve, as a note; null when
     * every size's is: a size's curve jumps next to its largest value, as {@link #unresolved} judges a
     * transition. A peak sampled by its top and a flank far down its sides has a height that depends on
     * where the grid falls: 5 temperatures over [2.0, 2.6] put 2D Ising's χ at L = 96 at 135 on
     * T = 2.30 and 13 on 2.45, and the peak's power law gave γ/ν = 0.65 ± 0.02, exact 7/4, unflagged.
     */
    static String unresolvedPeaks(ResampledCurves c, int obs) {
        return unresolved(c, obs, 0, s -> c.x(s)[SizeScaling.Peak.top(c.y(0, s, obs))], "peak");
    }

    private static String unresolved(ResampledCurves c, int obs, int first, IntToDoubleFunction at, String what) {
        List<String> jumps = new ArrayList<>();
        for (int s = first; s < c.sizeCount(); s++) {
            // every jump counts (a peak has two flanks); the note names a size's first
            jumps(c.size(s), c.x(s), c.y(0, s, obs), c.error(s, obs), at.applyAsDouble(s)).stream().findFirst()
                    .ifPresent(j -> jumps.add(String.format(Locale.ROOT, "L=%d jumps by %.0f %% of its range between %.4g and %.4g",
                            j.size(), 100 * j.share(), j.from(), j.to())));
        }
        return jumps.isEmpty() ? null : "under-resolved: " + String.join(", ", jumps)
                + " (the grid is coarser than the size's " + what + "; interpolation across it is not in the error)";
    }

    /**
     * One size's jumps next to x_c (in the grid interval holding it or one beside it), ascending:
     * steps between neighbouring grid points of more than {@link #MAX_STEP_SHARE} of the curve's
     * range, where that range is significant (above {@link #SIGNIFICANT_RANGE} mean point errors).
     *
     * @param x     control values, ascending
     * @param y     the observable at them
     * @param error its error at them (NaN with one replica: the curve is then not judged)
     */
    public static List<GridJump> jumps(int size, double[] x, double[] y, double[] error, double xc) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double mean = 0;
        for (int k = 0; k < x.length; k++) {
            low = Math.min(low, y[k]);
            high = Math.max(high, y[k]);
            mean += error[k] / x.length;
        }
        double range = high - low;
        List<GridJump> out = new ArrayList<>();
        if (!(range > SIGNIFICANT_RANGE * mean)) {
            return out;
        }
        for (int k = 1; k < x.length; k++) {
            double step = Math.abs(y[k] - y[k - 1]);
            boolean nearXc = xc >= x[Math.max(0, k - 2)] && xc <= x[Math.min(x.length - 1, k + 1)];
            if (step > MAX_STEP_SHARE * range && nearXc) {
                out.add(new GridJump(size, x[k - 1], x[k], step / range));
            }
        }
        return out;
    }
}
