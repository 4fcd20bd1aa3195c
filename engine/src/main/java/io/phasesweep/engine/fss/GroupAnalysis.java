package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.sweep.AnalysisSpec;
import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis of one group of curves (one value of the across axis): the critical value, then the
 * requested exponents, each estimator run on the full data and on the same bootstrap resamples.
 *
 * <p>The critical value used by {@code at-critical} and {@code slope} is the crossing estimate when
 * the sweep names a crossing observable, else the first collapse's x_c. Quantities are reported
 * from the fitted power p of q ∝ L^p (or the fitted 1/ν) by one rule: {@code nu} is 1/p,
 * {@code beta/nu} is −p (m ∝ L^(−β/ν)), any other quantity is p itself.
 */
final class GroupAnalysis {
    private final AnalysisSpec analysis;
    private final ObservableSet observables;
    private final ResampledCurves curves;
    private final Double acrossValue;
    private final boolean logScaleControl;
    private final String label;
    private final List<String> notes;
    private final List<BoundaryRow> boundaries;
    private final List<ExponentRow> exponents;
    private final Map<String, Collapse.Result> collapses = new LinkedHashMap<>();

    /**
     * @param logScaleControl the control axis is geometric: {@code location} interpolates in its
     *                        logarithm (a local cubic in x through points spaced by factors of 2
     *                        misplaces a crossing of a 1/x-like curve by tens of percent)
     */
    GroupAnalysis(AnalysisSpec analysis, ObservableSet observables, ResampledCurves curves, boolean logScaleControl,
                  Double acrossValue, String label, List<String> notes, List<BoundaryRow> boundaries,
                  List<ExponentRow> exponents) {
        this.analysis = analysis;
        this.observables = observables;
        this.curves = curves;
        this.logScaleControl = logScaleControl;
        this.acrossValue = acrossValue;
        this.label = label;
        this.notes = notes;
        this.boundaries = boundaries;
        this.exponents = exponents;
    }

    void run() {
        if (curves.sizeCount() < 2) {
            notes.add(label + "finite-size scaling needs at least two sizes, found " + curves.sizeCount());
            return;
        }
        if (curves.singleReplicaPoints() > 0) {
            notes.add(label + curves.singleReplicaPoints() + " points have a single replica: no error there,"
                    + " and resampling cannot show their scatter");
        }
        ResampledEstimate xc = null;
        if (analysis.crossing() != null) {
            ResampledEstimate crossing = CrossingAnalysis.run(curves, observables.index(analysis.crossing()), notes);
            boundary(crossing, "crossing:" + analysis.crossing());
            xc = crossing.ok() ? crossing : null;
        }
        for (ExponentRequest r : analysis.exponents()) {
            if (r.method().equals("collapse") && !collapses.containsKey(r.observable())) {
                Collapse.Result c = Collapse.run(curves, observables.index(r.observable()),
                        !r.observable().equals(analysis.crossing()));
                collapses.put(r.observable(), c);
                boundary(c.xc(), "collapse:" + r.observable());
                xc = xc == null ? c.xc() : xc;
            }
        }
        for (ExponentRequest r : analysis.exponents()) {
            request(r, xc);
        }
    }

    private void request(ExponentRequest r, ResampledEstimate xc) {
        int obs = observables.index(r.observable());
        String method = r.method() + ":" + r.observable();
        switch (r.method()) {
            case "collapse" -> {
                Collapse.Result c = collapses.get(r.observable());
                boolean nu = r.quantity().equals("nu") || r.quantity().equals("1/nu");
                exponent(r, nu ? c.inverseNu() : c.power(), method);
            }
            case "peak" -> {
                for (int s = 0; s < curves.sizeCount(); s++) {
                    if (SizeScaling.Peak.of(curves.x(s), curves.y(0, s, obs)).atEdge()) {
                        notes.add(label + r.observable() + " peaks at the edge of the control range for size "
                                + curves.size(s) + ": its height is a lower bound");
                    }
                }
                powerLaws(r, SizeScaling.table(curves,
                        (b, s) -> SizeScaling.Peak.of(curves.x(s), curves.y(b, s, obs)).height()), method);
            }
            case "at-critical", "slope" -> {
                if (xc == null) {
                    notes.add(label + method + " needs a critical value: name a crossing observable or request a collapse");
                    return;
                }
                boolean slope = r.method().equals("slope");
                powerLaws(r, SizeScaling.table(curves, (b, s) -> atCritical(s, curves.y(b, s, obs), xc.at(b), slope)), method);
            }
            case "location" -> location(r, obs);
            default -> throw new IllegalArgumentException("unknown method " + r.method() + "; known: "
                    + ExponentRequest.METHODS);
        }
    }

    /** The observable (or its slope) at x_c for size index s; NaN when x_c is outside that size's range. */
    private double atCritical(int s, double[] y, double at, boolean slope) {
        double[] x = curves.x(s);
        if (!(at >= x[0] && at <= x[x.length - 1])) {
            return Double.NaN;
        }
        LocalPolynomial p = LocalPolynomial.near(x, y, at);
        return slope ? Math.abs(p.slope(at)) : p.value(at);
    }

    private void location(ExponentRequest r, int obs) {
        int n = curves.sizeCount();
        double[][] loc = new double[curves.resamples() + 1][n];
        double[][] x = new double[n][];
        for (int s = 0; s < n; s++) {
            x[s] = logScaleControl ? Arrays.stream(curves.x(s)).map(Math::log).toArray() : curves.x(s);
        }
        for (int b = 0; b <= curves.resamples(); b++) {
            for (int s = 0; s < n; s++) {
                double[] y = curves.y(b, s, obs);
                loc[b][s] = r.level() == null
                        ? SizeScaling.Peak.of(x[s], y).location()
                        : Crossing.level(x[s], y, r.level(), b == 0 ? Double.NaN : loc[0][s]);
            }
        }
        if (logScaleControl) {
            for (double[] row : loc) {
                for (int s = 0; s < n; s++) {
                    row[s] = Math.exp(row[s]);
                }
            }
        }
        String method = (r.level() == null ? "location:" : "location(level=" + r.level() + "):") + r.observable();
        perSize(loc, method);
        if (r.quantity().equals("nu") || r.quantity().equals("1/nu")) {
            int[] sizes = curves.sizes();
            ResampledEstimate[] all = SizeScaling.shift(sizes, loc, 0);
            boundary(all[0], method);
            exponent(r, all[1], method);
            if (n >= 4) {
                exponent(r, SizeScaling.shift(sizes, loc, 1)[1], method + "/drop-smallest");
            }
        } else {
            powerLaws(r, loc, method);
        }
    }

    /**
     * Each size's own location x*(L) as a boundary row of that one size ({@link BoundaryRow#oneSize()}):
     * the pseudo-critical points or crossover values themselves, before any fit; with an across
     * axis, one curve per size in the (across, control) plane.
     */
    private void perSize(double[][] loc, String method) {
        int[] sizes = curves.sizes();
        for (int s = 0; s < sizes.length; s++) {
            double[] replicates = new double[curves.resamples()];
            for (int b = 1; b <= curves.resamples(); b++) {
                replicates[b - 1] = loc[b][s];
            }
            String quality = Double.isFinite(loc[0][s]) ? "one size"
                    : "not found in the window (no peak inside it, or the level is not crossed)";
            boundary(new ResampledEstimate(loc[0][s], replicates, List.of(sizes[s]), quality),
                    method + BoundaryRow.ONE_SIZE + sizes[s]);
        }
    }

    /** The power-law fit on all sizes and, with three or more, again without the smallest. */
    private void powerLaws(ExponentRequest r, double[][] q, String method) {
        exponent(r, SizeScaling.powerLaw(curves.sizes(), q, 0), method);
        if (curves.sizeCount() >= 3) {
            exponent(r, SizeScaling.powerLaw(curves.sizes(), q, 1), method + "/drop-smallest");
        }
    }

    private void exponent(ExponentRequest r, ResampledEstimate fitted, String method) {
        ResampledEstimate e = switch (r.quantity()) {
            case "nu" -> fitted.map(v -> 1 / v);
            case "beta/nu" -> fitted.map(v -> -v);
            default -> fitted;
        };
        exponents.add(new ExponentRow(analysis.across(), acrossValue, r.quantity(), e.value(), e.stderr(), method,
                e.sizes(), e.fullQuality()));
    }

    private void boundary(ResampledEstimate e, String method) {
        boundaries.add(new BoundaryRow(analysis.control(), analysis.across(), acrossValue, e.value(), e.stderr(),
                method, e.sizes(), e.fullQuality()));
    }
}
