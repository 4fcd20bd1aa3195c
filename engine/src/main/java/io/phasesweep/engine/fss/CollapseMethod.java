package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.AnalysisMethod;
import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;

import java.util.List;

/**
 * Data collapse of an observable ({@link Collapse}): the critical value, 1/ν and, unless the
 * observable is the dimensionless crossing observable, its scaling power, on these variants:
 * <ul>
 *   <li>main: all sizes, or, when their S is above {@link Checks#MAX_S}, without the smallest sizes
 *       until S passes (a leading-size cut against corrections to scaling, at least two sizes; fewer
 *       than {@link #MIN_SIZES} are flagged {@link Flag#TOO_FEW_SIZES});</li>
 *   <li>the same without the next smallest size, when two sizes remain;</li>
 *   <li>{@code window}: the main sizes on |x − x_c|·L^(1/ν) ≤ w around the main estimate's x_c and ν,
 *       w from the sweep file or half the scaled range every size covers (three quarters for a
 *       corrected collapse, {@link #CORRECTED_WINDOW}): the critical region, where corrections are
 *       smallest;</li>
 *   <li>{@code all_sizes} when the main one cut sizes: written, flagged by its S.</li>
 * </ul>
 * With ω given (the sweep file's {@code omega}), four sizes or more, and a collapse of all sizes
 * that fails its S, the corrections are met by the correction term of {@link Collapse} before any
 * size is cut: main {@code corrected} (all sizes, cut only while S fails and four remain), checks
 * {@code corrected_drop_smallest} and {@code corrected_window}, and the plain {@code all_sizes}
 * collapse written, flagged by its S. A collapse of all sizes that passes its S stays plain: the
 * term then adds freedom the data do not ask for.
 */
record CollapseMethod(ExponentRequest request) implements Method {
    static final String NAME = AnalysisMethod.COLLAPSE.word();
    /**
     * Fewer sizes in the main collapse leave no size variant to show corrections to scaling, and two
     * curves collapse onto each other wherever they share grid values (a refined sweep's collapse
     * of two sizes settled on such a value, 8 of its error bars off): such a collapse is flagged
     * {@link Flag#TOO_FEW_SIZES}, as a power law on fewer than {@link PowerLaw#MIN_SIZES} is.
     */
    static final int MIN_SIZES = 3;

    /** The window variant's default w: this fraction of the scaled range every kept size covers. */
    static final double PLAIN_WINDOW = 0.5;
    /**
     * The same for a corrected collapse, whose correction g(x) takes four coefficients from the
     * window's points: at half the range the windows of the README's first sweep (12 seeds) kept 3–4
     * points per size, S was 0.3–1.0 (the fit too free to compare much) and ν differed from the
     * collapse of all points by −0.12 to +0.08; at three quarters they kept 5–6, S was 0.4–1.1 and ν
     * within ±0.045 of it.
     */
    static final double CORRECTED_WINDOW = 0.75;

    /** The collapse of one observable, its three parameters on their variants. */
    record Collapses(Variants xc, Variants inverseNu, Variants power) {
    }

    @Override
    public List<Estimate> run(GroupAnalysis g) {
        Collapses c = g.collapse(request.observable());
        Quantity q = new Quantity(request.quantity());
        Variants v = (q.isNu() ? c.inverseNu() : c.power()).map(q::fromPower);
        return List.of(new Estimate(Quantity.CRITICAL_VALUE, NAME, request.observable(), null, null, c.xc()),
                new Estimate(q, NAME, request.observable(), null, null, v));
    }

    static Collapses variants(ResampledCurves c, int obs, boolean fitPower, Double window, Double omega) {
        int n = c.sizeCount();
        Collapse.Result plain = Collapse.run(c, obs, fitPower, Collapse.Variant.ALL);
        // a collapse of all sizes that fails its S, with ω given, gets the correction term before sizes are cut
        Double corrected = omega != null && n >= Collapse.MIN_CORRECTED_SIZES && poor(plain) ? omega : null;
        int least = corrected != null ? Collapse.MIN_CORRECTED_SIZES : 2;
        int cut = 0;
        Collapse.Result all = corrected == null ? plain : Collapse.run(c, obs, fitPower, new Collapse.Variant(0, null, corrected));
        Collapse.Result main = all;
        while (poor(main) && n - cut - 1 >= least) {
            cut++;
            main = Collapse.run(c, obs, fitPower, new Collapse.Variant(c.size(cut), null, corrected));
        }
        if (poor(main)) {
            main = all;
            cut = 0;
        }
        String mainName = name(cut, corrected);
        Collapses v = new Collapses(Variants.of(mainName, main.xc()), Variants.of(mainName, main.inverseNu()),
                Variants.of(mainName, main.power()));
        if (n - cut - 1 >= least) {
            v = plus(v, name(cut + 1, corrected), Collapse.run(c, obs, fitPower, new Collapse.Variant(c.size(cut + 1), null, corrected)));
        }
        if (main.xc().ok()) {
            double xc = main.xc().value();
            double inverseNu = main.inverseNu().value();
            double w = window != null ? window : (corrected != null ? CORRECTED_WINDOW : PLAIN_WINDOW) * covered(c, cut, xc, inverseNu);
            Collapse.Result windowed = Collapse.run(c, obs, fitPower,
                    new Collapse.Variant(c.size(cut), new Collapse.Window(w, xc, inverseNu), corrected));
            v = corrected != null ? plus(v, "corrected_window", checkOnly(windowed)) : plus(v, "window", windowed);
        }
        if (cut > 0) {
            v = plus(v, name(0, corrected), all);
        }
        if (corrected != null) {
            v = plus(v, PowerLaw.cutName(0), plain);
        }
        if (n - cut < MIN_SIZES) {
            v = new Collapses(v.xc().with(Flag.TOO_FEW_SIZES), v.inverseNu().with(Flag.TOO_FEW_SIZES),
                    v.power().with(Flag.TOO_FEW_SIZES));
        }
        return v;
    }

    /** The variant's name: all_sizes, drop_smallest, ..., or corrected, corrected_drop_smallest, ... */
    private static String name(int cut, Double corrected) {
        return corrected == null ? PowerLaw.cutName(cut) : cut == 0 ? "corrected" : "corrected_" + PowerLaw.cutName(cut);
    }

    /**
     * A corrected window's estimates, noted as a check: seven parameters (x_c, 1/ν, b, g's four) on a
     * window's few points per size; in RefinedGridTest's ω-given regime its ν was within 1 stderr in
     * 0.50 of 42 trials, rms pull 3.24.
     */
    private static Collapse.Result checkOnly(Collapse.Result r) {
        String note = "a check only: x_c, 1/nu, b and the correction's 4 coefficients on the window's few points per size";
        return new Collapse.Result(r.xc().with(r.xc().checks().withNote(note)), r.inverseNu().with(r.inverseNu().checks().withNote(note)),
                r.power().with(r.power().checks().withNote(note)), r.s());
    }

    private static boolean poor(Collapse.Result r) {
        return !r.xc().ok() || r.xc().checks().flags().contains(Flag.POOR_COLLAPSE);
    }

    private static Collapses plus(Collapses v, String name, Collapse.Result r) {
        return new Collapses(v.xc().plus(name, r.xc()), v.inverseNu().plus(name, r.inverseNu()),
                v.power().plus(name, r.power()));
    }

    /** The range of |x − x_c|·L^(1/ν) that every kept size covers. */
    private static double covered(ResampledCurves c, int cut, double xc, double inverseNu) {
        double covered = Double.POSITIVE_INFINITY;
        for (int s = cut; s < c.sizeCount(); s++) {
            double stretch = Math.pow(c.size(s), inverseNu);
            double reach = 0;
            for (double x : c.x(s)) {
                reach = Math.max(reach, Math.abs(x - xc) * stretch);
            }
            covered = Math.min(covered, reach);
        }
        return covered;
    }
}
