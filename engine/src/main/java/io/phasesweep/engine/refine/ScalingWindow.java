package io.phasesweep.engine.refine;

import io.phasesweep.engine.sweep.Axis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The control values a round gives one size: {@link #VALUES} values spanning x_c ± w, w the larger
 * of the size's scaling half-width h·L^(−1/ν) and {@link #ERRORS} times how far x_c may be off (an
 * x_c that is uncertain widens the window rather than narrowing it onto a guess), clipped to the
 * control axis' range as written. On a linear axis the values lie on a grid of round numbers (a
 * step of 1, 2 or 5 times a power of ten, so point keys stay readable and rounds reuse each
 * other's values); on a {@code scale: log} axis they are spaced geometrically and rounded to
 * {@link #LOG_DIGITS} significant digits.
 */
final class ScalingWindow {
    /**
     * Values per window on a spacing of exactly {@code 2w/(VALUES − 1)}: four of them within
     * ±1 L^(−1/ν), where the crossing's local cubics look. A linear axis' round spacing gives
     * {@link #LEAST_VALUES} to {@link #MOST_VALUES}.
     */
    static final int VALUES = 7;
    /** The fewest and most values of a window on a linear axis: its round spacing is 0.57–1.41 times the exact one. */
    static final int LEAST_VALUES = 5;
    static final int MOST_VALUES = 12;
    /** Half-width h in units of L^(−1/ν)... */
    static final double HALF_WIDTH = 2;
    /** ...times this when a peak sat at the edge of a window. */
    static final double WIDENED = 2;
    /** The window covers x_c ± this many of its errors. */
    static final double ERRORS = 2;
    /** Significant digits of a value on a log axis. */
    static final int LOG_DIGITS = 3;

    private ScalingWindow() {
    }

    /** The size's scaling half-width h·L^(−1/ν) (doubled when widened). */
    static double scaling(Steering s, int size) {
        return HALF_WIDTH * (s.widen() ? WIDENED : 1) * Math.pow(size, -1 / s.nu());
    }

    /**
     * Whether x_c is located well enough for the size: its window, x_c ± {@link #ERRORS} errors when
     * that is wider than its scaling window, is at most twice as wide, so its {@link #VALUES} values
     * still {@link #resolves resolve} the size's scaling window (the resolution {@link Steering}
     * accepts). Otherwise most of its points, the dearest, would fall outside its critical region
     * and its curve would stay under-resolved there, and it is better sampled once smaller sizes
     * have located x_c. (Half as much, a window no wider than its own, held a 2D Ising ladder a
     * size a round while coarse large sizes kept every crossing flagged.)
     */
    static boolean resolved(Steering s, int size) {
        return s.xcError() <= tolerated(s, size);
    }

    /** The largest uncertainty of x_c at which the size is {@link #resolved}: its scaling half-width over {@link #ERRORS}, twice. */
    static double tolerated(Steering s, int size) {
        return 2 * scaling(s, size) / ERRORS;
    }

    /**
     * Whether control values this far apart around x_c resolve the size's scaling window: at most
     * twice as far apart as the values of a window of its own, 2h·L^(−1/ν)/(VALUES − 1) (so a sweep
     * file's window grid of about the same width counts whatever the current ν, and a grid of a
     * few values over the whole axis does not).
     */
    static boolean resolves(double spacing, double nu, int size) {
        return spacing <= 2 * 2 * HALF_WIDTH * Math.pow(size, -1 / nu) / (VALUES - 1);
    }

    /** The window's bounds at size L: x_c ± w; on a log axis x_c·e^(±w/x_c), which stays positive. */
    static double[] bounds(Steering s, int size, boolean log) {
        double half = Math.max(scaling(s, size), ERRORS * s.xcError());
        if (log && s.xc() > 0) {
            double f = Math.exp(half / s.xc());
            return new double[]{s.xc() / f, s.xc() * f};
        }
        return new double[]{s.xc() - half, s.xc() + half};
    }

    /**
     * The window's values, ascending: {@link #VALUES} of them spread over the window's part of
     * [lo, hi] (the axis' range), so a window cut by the range's end is sampled as densely; x_c outside
     * the range is taken at its nearest end.
     */
    static double[] values(Steering s, int size, double lo, double hi, boolean log) {
        double centre = Math.max(lo, Math.min(hi, s.xc()));
        Steering clipped = new Steering(centre, s.xcError(), s.source(), s.gridLimited(), s.nu(), s.widen(), s.sysDominates());
        double[] b = bounds(clipped, size, log);
        double from = Math.max(lo, b[0]);
        double to = Math.min(hi, b[1]);
        if (!(to > from)) {
            return new double[]{centre};
        }
        return log && from > 0 ? geometric(from, to, lo, hi) : linear(from, to, lo, hi);
    }

    /**
     * Multiples of a round spacing that cover [from, to]: the first within half a spacing of
     * {@code from}, the last within half a spacing of {@code to}. The spacing is the largest round
     * number at most √2 times a {@link #VALUES}-value grid's (so 0.57–1.41 times it: 1, 2, 5 are
     * at most 2.5 apart), and a window gets {@link #LEAST_VALUES} to
     * {@link #MOST_VALUES} values. (Until 2026-12-06 the spacing was rounded down and 7 values
     * taken around the middle: a window whose 7-value step was 0.0199 got a step of 0.01 and
     * spanned half of x_c ± w.)
     */
    private static double[] linear(double from, double to, double lo, double hi) {
        double spacing = roundStepBelow(Math.sqrt(2) * (to - from) / (VALUES - 1));
        double[] values = multiples(from, to, lo, hi, spacing);
        // a window cut by the axis' end loses the multiples rounded past that end (3-4 values were
        // left, review of 2026-12-06): the next finer round step keeps it resolved
        while (values.length < LEAST_VALUES) {
            spacing = roundStepBelow(0.99 * spacing);
            values = multiples(from, to, lo, hi, spacing);
        }
        return values;
    }

    /**
     * The window's values and, when their round step is coarser than {@link #COARSEST_STEP} of the
     * size's measured transition width and x_c is located within a quarter of that width ({@link #ERRORS} errors),
     * the multiples of the round step below the width over {@link #STEPS_PER_WIDTH} over x_c ± half
     * the width, where the analysis' local cubic reads the curve. The scaling window assumes a
     * transition about L^(−1/ν) wide: 2D Ising's Binder cumulant is 2.3/L wide (quarter to three
     * quarters of its range on sweeps/ising2d.yaml), three or more steps of a window of its own, the
     * synthetic model's u 1.1/L, 1.6 steps of the window grids the analysis was calibrated on
     * (RefinedGridTest); percolation's wrapping probability at L = 256 rose
     * from 0.07 to 0.95 between p = 0.58 and 0.60 (a width of 0.010 against 256^(−3/4) = 0.016),
     * so the window's step of 0.01 left three points in the transition, and the cubics through them
     * put the pair crossings 0.002–0.004 above p_c (p_c 0.5963 ± 0.0004, +8σ, with
     * {@code omega} given). Without a finite width, on a log axis, or while x_c is uncertain, the
     * window as it is.
     */
    static double[] finer(double[] window, Steering s, double width, double lo, double hi) {
        if (window.length < 2 || !(width > 0) || ERRORS * s.xcError() > width / 4
                || window[1] - window[0] <= COARSEST_STEP * width) {
            return window;
        }
        double centre = Math.max(lo, Math.min(hi, s.xc()));
        double[] fine = multiples(centre - width / 2, centre + width / 2, lo, hi, roundStepBelow(width / STEPS_PER_WIDTH));
        return java.util.stream.DoubleStream.concat(java.util.Arrays.stream(window), java.util.Arrays.stream(fine))
                .distinct().sorted().toArray();
    }

    /** The coarsest window step, in transition widths, that {@link #finer} leaves as it is. */
    static final double COARSEST_STEP = 0.75;
    /** Grid steps per transition width of the values {@link #finer} adds near x_c at least. */
    static final double STEPS_PER_WIDTH = 5;

    /** The multiples of {@code spacing} from the one nearest {@code from} to the one nearest {@code to}, within [lo, hi]. */
    private static double[] multiples(double from, double to, double lo, double hi, double spacing) {
        List<Double> out = new ArrayList<>();
        for (long k = Math.round(from / spacing); k <= Math.round(to / spacing); k++) {
            double v = Axis.round(k * spacing);
            if (v >= lo && v <= hi && !out.contains(v)) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] geometric(double from, double to, double lo, double hi) {
        List<Double> out = new ArrayList<>();
        double ratio = Math.log(to / from) / (VALUES - 1);
        for (int j = 0; j < VALUES; j++) {
            double v = new BigDecimal(from * Math.exp(j * ratio)).round(new MathContext(LOG_DIGITS)).doubleValue();
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
