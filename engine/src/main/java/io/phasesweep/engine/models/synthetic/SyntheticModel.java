package io.phasesweep.engine.models.synthetic;

import io.phasesweep.engine.model.AxisModel;
import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test model: rows drawn from the {@link ScalingForms} with the critical value, exponents and
 * corrections the sweep gives, plus replica noise, in microseconds per point. It feeds benchmarks of
 * the aggregation and the calibration of the analysis against known answers, and lets a user try
 * the analysis without waiting for a simulation.
 *
 * <p>An axis model over T, so that a run is one (size, replica) across every T of the sweep: the
 * engine's per-run overhead (a thread that enforces the time limit) is paid once per ladder, not
 * once per row. The shared part of the noise is drawn once per run from the disorder stream, which
 * depends on (size, replica) only, as a quenched sample is; the fresh part of each row is drawn from
 * the run's dynamics stream, in increasing T.
 */
public final class SyntheticModel implements AxisModel {

    @Override
    public String id() {
        return "synthetic";
    }

    @Override
    public String summary() {
        return "test model: finite-size-scaling curves u, chi, absm with known x_c, exponents and corrections,"
                + " plus replica noise";
    }

    @Override
    public String sizeMeaning() {
        return "L (enters only through the scaling forms)";
    }

    @Override
    public String wholeAxis() {
        return "T";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("T", null, null, null, "the control parameter x"),
                ParamSpec.real("x_c", 2.27, null, null, "critical value of T"),
                ParamSpec.real("nu", 1.0, Double.MIN_VALUE, null, "correlation-length exponent ν"),
                ParamSpec.real("gamma_nu", 1.75, null, null, "γ/ν: the chi peak grows as L^(γ/ν)"),
                ParamSpec.real("beta_nu", 0.125, null, null, "β/ν: absm at x_c falls as L^(−β/ν)"),
                ParamSpec.real("omega", 1.0, Double.MIN_VALUE, null, "correction-to-scaling exponent ω"),
                ParamSpec.real("u_correction", 0.0, null, null,
                        "a_u: u gains a_u·L^(−ω)/cosh z, moving the pair crossings by ∝ L^(−1/ν−ω)"),
                ParamSpec.real("chi_correction", 0.0, null, null, "a_χ: chi is multiplied by 1 + a_χ·L^(−ω)"),
                ParamSpec.real("absm_correction", 0.0, null, null, "a_m: absm is multiplied by 1 + a_m·L^(−ω)"),
                ParamSpec.real("noise", 0.05, 0.0, null,
                        "replica noise: absolute on u, relative on chi and absm; 0.6 of it shared along T"
                                + " by one (size, replica), 0.8 fresh per point (in quadrature)"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.value("u", "Binder-like: (1 − tanh z)/3 + a_u·L^(−ω)/cosh z, z = (T − x_c)·L^(1/ν)"),
                ObservableSpec.value("chi", "susceptibility-like: L^(γ/ν)·(1 + a_χ·L^(−ω))·exp(−(z − 1/2)²/2)"),
                ObservableSpec.value("absm", "order-parameter-like: L^(−β/ν)·(1 + a_m·L^(−ω))·((1 − tanh z)/2 + 0.05)"));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of();
    }

    /** Every point costs the same few microseconds. */
    @Override
    public double cost(Task task) {
        return 1;
    }

    @Override
    public List<Measurement> runAxis(List<Task> ladder, RandomStreams streams, Deadline deadline) {
        double[] shared = ScalingForms.normals(streams.disorder());
        List<Measurement> out = new ArrayList<>(ladder.size());
        for (Task task : ladder) {
            ParamValues p = task.params();
            double[] truth = forms(p).truth(p.real("T"), task.size());
            double[] v = ScalingForms.noisy(truth, p.real("noise"), shared, ScalingForms.normals(streams.dynamics()));
            out.add(Measurement.of(Map.of("u", v[ScalingForms.U], "chi", v[ScalingForms.CHI], "absm", v[ScalingForms.ABSM])));
        }
        return out;
    }

    /** The scaling forms of a point's parameters. */
    public static ScalingForms forms(ParamValues p) {
        return new ScalingForms(p.real("x_c"), 1 / p.real("nu"), p.real("gamma_nu"), p.real("beta_nu"), p.real("omega"),
                p.real("u_correction"), p.real("chi_correction"), p.real("absm_correction"));
    }
}
