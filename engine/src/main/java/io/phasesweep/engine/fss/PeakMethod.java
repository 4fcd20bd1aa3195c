package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;

import java.util.List;

/**
 * The power law of a peak's height against size (γ/ν from chi), fitted as {@link PowerLaw#variants}.
 * A peak on the edge of the control window at any size makes its height a lower bound: every
 * variant is flagged {@link Flag#PEAK_AT_EDGE}.
 */
record PeakMethod(ExponentRequest request) implements Method {

    @Override
    public List<Estimate> run(GroupAnalysis g) {
        ResampledCurves c = g.curves();
        int obs = g.observable(request.observable());
        boolean edge = false;
        for (int s = 0; s < c.sizeCount(); s++) {
            if (SizeScaling.Peak.of(c.x(s), c.y(0, s, obs)).atEdge()) {
                g.note(request.observable() + " peaks at the edge of the control range for size " + c.size(s)
                        + ": its height is a lower bound");
                edge = true;
            }
        }
        int[] top = new int[c.sizeCount()];
        for (int s = 0; s < top.length; s++) {
            top[s] = SizeScaling.Peak.top(c.y(0, s, obs));
        }
        double[][] heights = SizeScaling.table(c, (b, s) -> SizeScaling.Peak.around(c.x(s), c.y(b, s, obs), top[s]).height());
        Quantity q = new Quantity(request.quantity());
        Variants v = PowerLaw.variants(c.sizes(), heights, g.omega()).map(q::fromPower);
        return List.of(new Estimate(q, request.method().word(), request.observable(), null, null, edge ? v.with(Flag.PEAK_AT_EDGE) : v));
    }
}
