package io.phasesweep.engine.models.hopfield;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hopfield network with P = round(α·N) Hebbian patterns, started at pattern 1 and relaxed. At
 * T = 0 it runs asynchronous sweeps until a fixed point (or the {@code sweeps} budget); at T &gt; 0
 * Glauber sweeps, {@code thermalize} then {@code measure}. Retrieval is lost near α_c ≈ 0.138
 * (Amit, Gutfreund, Sompolinsky 1985; at T = 0 finite N gives a higher apparent α_c).
 */
public final class HopfieldModel implements Model {

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
                ParamSpec.real("alpha", null, 0.0, null, "load P/N; P = round(alpha*N) patterns (at least 1)"),
                ParamSpec.real("T", 0.0, 0.0, null, "temperature: 0 = asynchronous zero-temperature dynamics, > 0 = Glauber"),
                ParamSpec.real("threshold", 0.9, -1.0, 1.0, "overlap at or above which the pattern counts as retrieved"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.value("m", "overlap with stored pattern 1: final value at T = 0, mean over measure sweeps at T > 0"),
                ObservableSpec.value("m2", "m^2 (final at T = 0, mean over measure sweeps at T > 0)"),
                ObservableSpec.value("m4", "m^4 (final at T = 0, mean over measure sweeps at T > 0)"),
                ObservableSpec.value("retrieved", "1 if m >= threshold, else 0"),
                ObservableSpec.value("sweeps_run", "sweeps performed (at T = 0 the last one found no spin to flip unless fixed = 0)"),
                ObservableSpec.value("fixed", "1 if T = 0 dynamics reached a fixed point within the sweeps budget; 1 at T > 0"));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of(
                new BudgetKey("sweeps", 100, 1, "T = 0: maximum sweeps; stops earlier at a fixed point"),
                new BudgetKey("thermalize", 100, 0, "T > 0: sweeps before measuring"),
                new BudgetKey("measure", 100, 1, "T > 0: sweeps measured (one measurement per sweep)"));
    }

    @Override
    public double cost(Task task) {
        double sweeps = task.params().real("T") == 0
                ? task.budget().get("sweeps") / 10 // a fixed point is usually reached after a few sweeps
                : task.budget().get("thermalize") + task.budget().get("measure");
        return (double) task.size() * patternCount(task) * sweeps;
    }

    static int patternCount(Task task) {
        return (int) Math.max(1, Math.round(task.params().real("alpha") * task.size()));
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        int n = task.size();
        HopfieldNetwork net = HopfieldNetwork.random(n, patternCount(task), streams.disorder());
        HopfieldDynamics dynamics = new HopfieldDynamics(net, streams.dynamics());
        double temperature = task.params().real("T");
        double m;
        double m2;
        double m4;
        int sweepsRun = 0;
        boolean fixed = true;
        if (temperature == 0) {
            int maxSweeps = (int) task.budget().get("sweeps");
            int flips = -1;
            while (flips != 0 && sweepsRun < maxSweeps) {
                deadline.check();
                flips = dynamics.sweepZeroTemperature();
                sweepsRun++;
            }
            fixed = flips == 0;
            m = (double) net.overlap(0) / n;
            m2 = m * m;
            m4 = m2 * m2;
        } else {
            int thermalize = (int) task.budget().get("thermalize");
            int measure = (int) task.budget().get("measure");
            for (int s = 0; s < thermalize; s++) {
                deadline.check();
                dynamics.sweepGlauber(temperature);
            }
            double s1 = 0;
            double s2 = 0;
            double s4 = 0;
            for (int s = 0; s < measure; s++) {
                deadline.check();
                dynamics.sweepGlauber(temperature);
                double x = (double) net.overlap(0) / n;
                s1 += x;
                s2 += x * x;
                s4 += x * x * x * x;
            }
            sweepsRun = thermalize + measure;
            m = s1 / measure;
            m2 = s2 / measure;
            m4 = s4 / measure;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("m", m);
        values.put("m2", m2);
        values.put("m4", m4);
        values.put("retrieved", m >= task.params().real("threshold") ? 1.0 : 0.0);
        values.put("sweeps_run", (double) sweepsRun);
        values.put("fixed", fixed ? 1.0 : 0.0);
        return Measurement.of(values);
    }
}
