package io.phasesweep.jobs;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.List;
import java.util.Map;

/**
 * A model for the Spark tests: cheap values that depend only on its random streams, and failures
 * on demand. The point whose x equals {@code throw_at} throws, {@code nan_at} returns a NaN, and
 * {@code sleep_at} sleeps (checking its deadline) until it times out. Every point first sleeps
 * {@code pause} seconds, so a sweep lasts long enough to kill a process in the middle of it.
 */
public final class ProbeModel implements Model {
    static final String ID = "probe";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "test model: means of its random streams, failures on demand";
    }

    @Override
    public String sizeMeaning() {
        return "N (number of draws per unit of budget)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("x", 0.0, null, null, "shifts the dynamics mean"),
                ParamSpec.real("throw_at", -1.0, null, null, "x at which run throws"),
                ParamSpec.real("nan_at", -1.0, null, null, "x at which run returns NaN"),
                ParamSpec.real("sleep_at", -1.0, null, null, "x at which run sleeps past its time limit"),
                ParamSpec.real("pause", 0.0, 0.0, null, "seconds every point sleeps before it computes"),
                ParamSpec.word("flavour", "plain", List.of("plain", "salted"), "a word parameter"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.thermal("e", "x + mean of size·draws uniform dynamics numbers"),
                ObservableSpec.value("d", "first number of the disorder stream"));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of(BudgetKey.count("draws", 10, 1, "dynamics numbers per unit of size"));
    }

    @Override
    public double cost(Task task) {
        return task.size() * task.budget().get("draws");
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) throws Exception {
        double x = task.params().real("x");
        Thread.sleep(Math.round(1000 * task.params().real("pause")));
        if (x == task.params().real("throw_at")) {
            throw new IllegalStateException("asked to fail at x=" + x);
        }
        if (x == task.params().real("sleep_at")) {
            while (true) {
                deadline.check();
                Thread.sleep(10);
            }
        }
        int n = (int) (task.size() * task.budget().get("draws"));
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double u = streams.dynamics().nextDouble();
            sum += u;
            sum2 += u * u;
        }
        double mean = sum / n;
        double err = Math.sqrt((sum2 / n - mean * mean) / (n - 1));
        double e = x == task.params().real("nan_at") ? Double.NaN : x + mean;
        return new Measurement(Map.of("e", e, "d", streams.disorder().nextDouble()),
                Map.of("e", err), Map.of("e", 0.5));
    }
}
