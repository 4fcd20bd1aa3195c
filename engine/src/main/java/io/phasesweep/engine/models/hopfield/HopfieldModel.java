package io.phasesweep.engine.models.hopfield;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.PatternLoad;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.model.ThermalObservables;
import io.phasesweep.engine.model.ThermalObservables.Reading;
import io.phasesweep.engine.model.ThermalObservables.Slot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hopfield network with P = round(α·N) Hebbian patterns, started at pattern 1 and relaxed. At
 * T = 0 it runs asynchronous sweeps until a fixed point (or the {@code sweeps} budget); at T &gt; 0
 * Glauber sweeps through the engine's Monte Carlo loop ({@code thermalize} then {@code measure}),
 * so the overlap moments come with an error of the mean and an autocorrelation time. Retrieval is
 * lost near α_c ≈ 0.138 (Amit, Gutfreund, Sompolinsky 1985; at T = 0 finite N gives a higher
 * apparent α_c).
 */
public final class HopfieldModel implements Model {
    /** Time averages at T &gt; 0; at T = 0 the final values, without {@code _err} or {@code _tau}. */
    private static final ThermalObservables OVERLAP = new ThermalObservables();
    private static final Slot M = OVERLAP.declare("m", "overlap with stored pattern 1: mean over measure sweeps at T > 0,"
            + " final value at T = 0 (then m_err and m_tau are empty)");
    private static final Slot M2 = OVERLAP.declare("m2", "m^2 (mean over measure sweeps at T > 0, final at T = 0)");
    private static final Slot M4 = OVERLAP.declare("m4", "m^4 (mean over measure sweeps at T > 0, final at T = 0)");

    @Override
    public String id() {
        return "hopfield";
    }

    @Override
    public String summary() {
        return "Hopfield associative memory with Hebbian couplings: retrieval of a stored pattern";
    }

    @Override
    public String sizeMeaning() {
        return "N (number of neurons)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("alpha", null, 0.0, null, "load P/N; P = alpha*N patterns, when not whole its floor or ceiling"
                        + " at random with mean alpha*N (at least 1)"),
                ParamSpec.real("T", 0.0, 0.0, null, "temperature: 0 = asynchronous zero-temperature dynamics, > 0 = Glauber"),
                ParamSpec.real("threshold", 0.9, -1.0, 1.0, "overlap at or above which the pattern counts as retrieved"));
    }

    @Override
    public List<ObservableSpec> observables() {
        List<ObservableSpec> all = new ArrayList<>(OVERLAP.specs());
        all.add(ObservableSpec.value("retrieved", "1 if m >= threshold, else 0"));
        all.add(ObservableSpec.value("sweeps_run", "sweeps performed (at T = 0 the last one found no spin to flip unless fixed = 0)"));
        all.add(ObservableSpec.value("fixed", "1 if T = 0 dynamics reached a fixed point within the sweeps budget; 1 at T > 0"));
        return all;
    }

    @Override
    public List<BudgetKey> budget() {
        List<BudgetKey> keys = new ArrayList<>();
        keys.add(BudgetKey.count("sweeps", 100, 1, "T = 0: maximum sweeps; stops earlier at a fixed point"));
        keys.addAll(MonteCarlo.budget("Glauber sweeps, T > 0 only", 100, 100));
        return keys;
    }

    @Override
    public double cost(Task task) {
        double sweeps = task.params().real("T") == 0
                ? task.budget().get("sweeps") / 10 // a fixed point is usually reached after a few sweeps
                : task.budget().get(MonteCarlo.THERMALIZE) + task.budget().get(MonteCarlo.MEASURE);
        return task.size() * PatternLoad.mean(task.params().real("alpha"), task.size()) * sweeps;
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        int n = task.size();
        int p = PatternLoad.count(task.params().real("alpha"), n, streams.dynamics());
        HopfieldNetwork net = HopfieldNetwork.random(n, p, streams.disorder());
        HopfieldDynamics dynamics = new HopfieldDynamics(net, streams.dynamics());
        double temperature = task.params().real("T");
        if (temperature == 0) {
            long maxSweeps = task.budget().count("sweeps");
            long sweeps = 0;
            int flips = -1;
            while (flips != 0 && sweeps < maxSweeps) {
                deadline.check();
                flips = dynamics.sweepZeroTemperature();
                sweeps++;
            }
            double m = (double) net.overlap(0) / n;
            double m2 = m * m;
            return withOutcome(task, Measurement.of(Map.of("m", m, "m2", m2, "m4", m2 * m2)), sweeps, flips == 0);
        }
        MonteCarlo.Chain glauber = new MonteCarlo.Chain() {
            @Override
            public void update() {
                dynamics.sweepGlauber(temperature);
            }

            @Override
            public void measure(Reading out) {
                double x = (double) net.overlap(0) / n;
                out.set(M, x);
                out.set(M2, x * x);
                out.set(M4, x * x * x * x);
            }
        };
        Measurement averages = MonteCarlo.run(OVERLAP, glauber, task.budget(), deadline).get(0);
        long sweeps = task.budget().count(MonteCarlo.THERMALIZE) + task.budget().count(MonteCarlo.MEASURE);
        return withOutcome(task, averages, sweeps, true);
    }

    /** The overlap moments with the plain observables that follow from them and from the run. */
    private static Measurement withOutcome(Task task, Measurement overlap, long sweeps, boolean fixed) {
        boolean retrieved = overlap.values().get("m") >= task.params().real("threshold");
        return overlap.with(Map.of("retrieved", retrieved ? 1.0 : 0.0, "sweeps_run", (double) sweeps,
                "fixed", fixed ? 1.0 : 0.0));
    }
}
