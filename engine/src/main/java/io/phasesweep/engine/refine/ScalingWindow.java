package io.phasesweep.engine.refine;

import io.phasesweep.engine.sweep.Axis;

import java.util.ArrayList;
import java.util.List;

/**
 * The control values a round gives one size: {@link #VALUES} values spanning x_c ± h·L^(−1/ν) (so
 * an estimate of ν that is too large, as a coarse grid gives, samples the whole range), on a grid
 * of round numbers (a step of 1, 2 or 5 times a power of ten, so point keys stay readable and
 * rounds reuse each other's values), clipped to the control axis' range as written.
 */
final class ScalingWindow {
    /** Values per window: four of them within ±1 L^(−1/ν), where the crossing's local cubics look. */
    static final int VALUES = 7;
    /** Half-width h in units of L^(−1/ν)... */
    static final double HALF_WIDTH = 2;
    /** ...times this when a peak sat at the edge of a window. */
    static final double WIDENED = 2;

    private ScalingWindow() {
    }

    /** The window's bounds at size L: x_c ± h·L^(−1/ν). */
    static double[] bounds(double xc, double nu, boolean widen, int size) {
        double half = HALF_WIDTH * (widen ? WIDENED : 1) * Math.pow(size, -1 / nu);
        return new double[]{xc - half, xc + half};
    }

    /**
     * The window's values, ascending: {@link #VALUES} of them spread over the window's part of
     * [lo, hi] (the axis' range), so a window cut by the range's end is sampled as densely; x_c outside
     * the range is taken at its nearest end.
     */
    static double[] values(double xc, double nu, boolean widen, int size, double lo, double hi) {
        double centre = Math.max(lo, Math.min(hi, xc));
        double[] b = bounds(centre, nu, widen, size);
        double from = Math.max(lo, b[0]);
        double to = Math.min(hi, b[1]);
        double step = (to - from) / (VALUES - 1);
        if (!(step > 0)) {
            return new double[]{centre};
        }
        double unit = roundStepBelow(step);
        double spacing = Math.max(1, Math.floor(step / unit)) * unit;
        double middle = Math.rint((from + to) / 2 / unit) * unit;
        List<Double> out = new ArrayList<>();
        for (int j = -(VALUES - 1) / 2; j <= (VALUES - 1) / 2; j++) {
            double v = Axis.round(middle + j * spacing);
            if (v >= lo && v <= hi && !out.contains(v)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The largest 1, 2 or 5 × 10^k not above {@code step}. */
    static double roundStepBelow(double step) {
        double decade = Math.pow(10, Math.floor(Math.log10(step)));
        for (double m : new double[]{5, 2, 1}) {
            if (m * decade <= step) {
                return m * decade;
            }
        }
        return decade;
    }
}
