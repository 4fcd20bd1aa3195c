package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where an observable peaks, or crosses {@code level}, along the control axis, size by size:
 * each size's own x*(L) as a boundary row of that size (the pseudo-critical points or crossover
 * values themselves; with an across axis, one curve per size in the (across, control) plane), then
 * against size: for {@code nu} or {@code 1/nu}, x*(L) = x_c + a·L^(−1/ν) (critical value and
 * exponent, on all sizes and without the smallest); for any other quantity a power law
 * x* ∝ L^p (a crossover exponent), fitted as {@link PowerLaw#variants}.
 *
 * <p>On a control axis with {@code scale: log} it interpolates in the logarithm: a local cubic in x
 * through points spaced by factors of 2 misplaces a crossing of a 1/x-like curve by tens of percent.
 */
record LocationMethod(ExponentRequest request) implements Method {

    @Override
    public List<Estimate> run(GroupAnalysis g) {
        ResampledCurves c = g.curves();
        int obs = g.observable(request.observable());
        int n = c.sizeCount();
        double[][] x = new double[n][];
        for (int s = 0; s < n; s++) {
            x[s] = g.logScaleControl() ? Arrays.stream(c.x(s)).map(Math::log).toArray() : c.x(s);
        }
        double[][] loc = new double[c.resamples() + 1][n];
        boolean[] edge = new boolean[n];
        int[] top = new int[n];
        for (int s = 0; s < n; s++) {
            top[s] = SizeScaling.Peak.top(c.y(0, s, obs));
        }
        for (int b = 0; b <= c.resamples(); b++) {
            for (int s = 0; s < n; s++) {
                double[] y = c.y(b, s, obs);
                if (request.level() == null) {
                    SizeScaling.Peak peak = SizeScaling.Peak.around(x[s], y, top[s]);
                    loc[b][s] = peak.location();
                    edge[s] |= b == 0 && peak.atEdge();
                } else {
                    // x[s] is the control or its logarithm
                    Curve measured = c.curve(b, s, obs);
                    loc[b][s] = Crossing.level(new Curve(x[s], y, measured.error(), measured.replicas(),
                            LocalPolynomial.transitionWidth(x[s], measured.full()), measured.full()), request.level());
                }
            }
        }
        if (g.logScaleControl()) {
            for (double[] row : loc) {
                for (int s = 0; s < n; s++) {
                    row[s] = Math.exp(row[s]);
                }
            }
        }
        List<Estimate> out = new ArrayList<>(perSize(c, loc, edge));
        Quantity q = new Quantity(request.quantity());
        boolean anyEdge = false;
        for (boolean e : edge) {
            anyEdge |= e;
        }
        if (q.isNu()) {
            int[] sizes = c.sizes();
            ResampledEstimate[] all = SizeScaling.shift(sizes, loc, 0);
            Variants xc = Variants.of("all_sizes", all[0]);
            Variants e = Variants.of("all_sizes", all[1]);
            if (n >= 4) {
                ResampledEstimate[] drop = SizeScaling.shift(sizes, loc, 1);
                xc = xc.plus("drop_smallest", drop[0]);
                e = e.plus("drop_smallest", drop[1]);
            }
            out.add(estimate(Quantity.CRITICAL_VALUE, null, anyEdge ? xc.with(Flag.PEAK_AT_EDGE) : xc));
            out.add(estimate(q, null, (anyEdge ? e.with(Flag.PEAK_AT_EDGE) : e).map(q::fromPower)));
        } else {
            Variants v = PowerLaw.variants(c.sizes(), loc, g.omega()).map(q::fromPower);
            out.add(estimate(q, null, anyEdge ? v.with(Flag.PEAK_AT_EDGE) : v));
        }
        return out;
    }

    private List<Estimate> perSize(ResampledCurves c, double[][] loc, boolean[] edge) {
        List<Estimate> out = new ArrayList<>();
        for (int s = 0; s < c.sizeCount(); s++) {
            double[] replicates = new double[c.resamples()];
            for (int b = 1; b <= c.resamples(); b++) {
                replicates[b - 1] = loc[b][s];
            }
            Checks checks = Double.isFinite(loc[0][s]) ? Checks.note("one size")
                    : Checks.failed(Flag.NOT_FOUND, "not found in the window (no peak inside it, or the level is not crossed)");
            ResampledEstimate e = new ResampledEstimate(loc[0][s], replicates, List.of(c.size(s)), edge[s]
                    ? checks.with(Flag.PEAK_AT_EDGE) : checks).judged();
            out.add(estimate(Quantity.CRITICAL_VALUE, c.size(s), Variants.of("one_size", e)));
        }
        return out;
    }

    private Estimate estimate(Quantity q, Integer size, Variants v) {
        return new Estimate(q, request.method().word(), request.observable(), request.level(), size, v);
    }
}
