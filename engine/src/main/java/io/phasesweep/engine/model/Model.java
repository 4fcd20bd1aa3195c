package io.phasesweep.engine.model;

import java.util.List;

/**
 * A simulation that phasesweep can sweep. Implementations are found through
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.phasesweep.engine.model.Model}), so a model in a user's own jar runs
 * like a built-in one.
 *
 * <p>A run is self-contained and deterministic given its random streams: no shared mutable state,
 * no I/O, and nothing but its {@link Task}, its two random streams and its deadline to go on.
 * Monte Carlo models extend {@link MonteCarloModel} or call {@link MonteCarlo#run}, the engine's one
 * thermalize/measure loop; solvers (an LP, an eigenproblem) implement {@link #run} directly.
 */
public interface Model {

    /** Short id used in sweep files: {@code [a-z0-9-]+}. */
    String id();

    /** One line for {@code phasesweep models}. */
    String summary();

    /** What the sweep's {@code sizes} mean for this model, e.g. "L (linear lattice size)". */
    String sizeMeaning();

    /** Parameters a sweep may set in {@code params} or sweep in {@code axes}. */
    List<ParamSpec> params();

    /** Observables each run measures: one column each in {@code raw}. */
    List<ObservableSpec> observables();

    /** Observables computed at aggregation from replica-averaged means. */
    default List<DerivedObservable> derived() {
        return List.of();
    }

    /** Keys allowed in the sweep's {@code budget}, with defaults. */
    List<BudgetKey> budget();

    /**
     * Why a point of this task cannot run at all (a lattice too small or too large for one run), or
     * null. The parser asks for every size and axis value of a sweep before anything runs, so that
     * what every such point would refuse is refused first, in one line.
     */
    default String refuses(Task task) {
        return null;
    }

    /** Relative cost of a point (e.g. L^d × sweeps), used to schedule the biggest points first. */
    double cost(Task task);

    /**
     * Runs one point.
     *
     * @throws Exception any failure; the engine records it as a failed row and goes on
     */
    Measurement run(Task task, RandomStreams streams, Deadline deadline) throws Exception;
}
