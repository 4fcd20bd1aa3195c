package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.AnalysisMethod;
import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;

import java.util.List;

/**
 * The power law against size of an observable at the critical value ({@code at-critical}, β/ν from
 * absm) or of its slope there ({@code slope}, 1/ν from a Binder cumulant). The critical value is the
 * group's best, read on the same resample, so its statistical error is included; its systematic
 * error enters through two check variants at x_c ± stderr_sys. Without a best critical value the
 * first estimate found is used and every variant is flagged {@link Flag#CRITICAL_VALUE_FLAGGED}.
 */
record AtCriticalMethod(ExponentRequest request) implements Method {

    @Override
    public boolean needsCriticalValue() {
        return true;
    }

    @Override
    public List<Estimate> run(GroupAnalysis g) {
        String method = request.method().word();
        Quantity q = new Quantity(request.quantity());
        GroupAnalysis.CriticalValue xc = g.criticalValue();
        ResampledCurves c = g.curves();
        if (xc == null) {
            return List.of(new Estimate(q, method, request.observable(), null, null, Variants.of("all_sizes",
                    ResampledEstimate.failed(List.of(), Flag.CRITICAL_VALUE_FLAGGED, "no critical value: name a crossing"
                            + " observable or request a collapse", c.resamples()))));
        }
        int obs = g.observable(request.observable());
        Variants v = PowerLaw.variants(c.sizes(), table(c, obs, xc.value(), 0.0), g.omega());
        if (xc.sys() > 0) {
            v = v.plus("xc_plus_sys", PowerLaw.variants(c.sizes(), table(c, obs, xc.value(), xc.sys()), g.omega())
                    .main().estimate());
            v = v.plus("xc_minus_sys", PowerLaw.variants(c.sizes(), table(c, obs, xc.value(), -xc.sys()), g.omega())
                    .main().estimate());
        }
        v = v.map(q::fromPower);
        return List.of(new Estimate(q, method, request.observable(), null, null,
                xc.flagged() ? v.with(Flag.CRITICAL_VALUE_FLAGGED) : v));
    }

    /**
     * The observable (or its slope) at x_c + shift on every resample, per size, from the cubic through
     * the grid points the full data's x_c picks ({@link LocalPolynomial#stencil}: on a refined grid
     * those within half the curve's transition width, weighted by their replicas, as a crossing
     * reads them; the Binder slope of a refined 2D Ising sweep through the four nearest points, a
     * few with 1–3 replicas, gave ν = 0.67 ± 0.07 after its second round): re-picking them per
     * resample would make the estimate jump as x_c crosses a midpoint, and the bootstrap of a
     * non-smooth statistic under-states its error.
     */
    private double[][] table(ResampledCurves c, int obs, ResampledEstimate xc, double shift) {
        int[][] points = new int[c.sizeCount()][];
        double[][] sigma = new double[c.sizeCount()][];
        for (int s = 0; s < points.length; s++) {
            Curve full = c.curve(0, s, obs);
            points[s] = LocalPolynomial.stencil(full, xc.value() + shift);
            sigma[s] = LocalPolynomial.replicaWeights(full.replicas());
        }
        return SizeScaling.table(c, (b, s) -> atCritical(c.x(s), c.y(b, s, obs), sigma[s], points[s], xc.at(b) + shift));
    }

    /** NaN when x_c is outside that size's range. */
    private double atCritical(double[] x, double[] y, double[] sigma, int[] points, double at) {
        if (!(at >= x[0] && at <= x[x.length - 1])) {
            return Double.NaN;
        }
        LocalPolynomial p = LocalPolynomial.through(x, y, sigma, points, at, LocalPolynomial.DEGREE);
        return request.method() == AnalysisMethod.SLOPE ? Math.abs(p.slope(at)) : p.value(at);
    }
}
