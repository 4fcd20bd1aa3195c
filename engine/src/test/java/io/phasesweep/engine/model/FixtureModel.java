package io.phasesweep.engine.model;

import java.util.List;
import java.util.Map;

/**
 * A trivial model that exercises the SPI in tests: one parameter of each type (REAL T with no
 * default, INTEGER dim, WORD algorithm, REAL kappa), thermal and plain observables, a derived
 * Binder cumulant and two budget keys. {@code run} draws Gaussian numbers from its two streams,
 * so tests can see which stream a value came from.
 */
public final class FixtureModel implements Model {
    public static final String ID = "fixture";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "test fixture: random numbers with the shape of a spin model";
    }

    @Override
    public String sizeMeaning() {
        return "L (linear size)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("T", null, 0.0, null, "temperature"),
                ParamSpec.integer("dim", 2, 1, 4, "dimension"),
                ParamSpec.word("algorithm", "metropolis", List.of("metropolis", "wolff"), "update"),
                ParamSpec.real("kappa", 0.0, -1.0, 1.0, "anisotropy"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.thermal("m2", "squared magnetisation"),
                ObservableSpec.thermal("m4", "fourth power of the magnetisation"),
                ObservableSpec.value("sample", "a number from the disorder stream"));
    }

    @Override
    public List<DerivedObservable> derived() {
        return List.of(new DerivedObservable("binder", "1 - <m4>/(3 <m2>^2)", List.of("m2", "m4"),
                (means, params, size) -> 1 - means[1] / (3 * means[0] * means[0])));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of(BudgetKey.count("thermalize", 100, 0, "sweeps before measuring"),
                BudgetKey.count("measure", 1000, 1, "measured sweeps"));
    }

    @Override
    public double cost(Task task) {
        return Math.pow(task.size(), task.params().integer("dim")) * task.budget().get("measure");
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        double m = streams.dynamics().nextGaussian();
        return new Measurement(
                Map.of("m2", m * m, "m4", m * m * m * m, "sample", streams.disorder().nextGaussian()),
                Map.of("m2", 0.1, "m4", 0.1),
                Map.of("m2", 1.0, "m4", 1.0));
    }
}
