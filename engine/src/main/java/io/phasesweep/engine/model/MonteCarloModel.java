package io.phasesweep.engine.model;

import java.util.List;

/**
 * A model that is one Markov chain per point: it declares its {@link ThermalObservables} and says
 * how to start a chain; {@link MonteCarlo#run} does the rest. Every observable is a thermal time
 * average. Quantities that are functions of averages (a Binder cumulant, a susceptibility from
 * moments) are {@link #derived()} observables, computed at aggregation from replica-averaged means.
 *
 * <p>A model that is Monte Carlo only in part (Glauber dynamics at T &gt; 0, a solver at T = 0) or
 * runs a ladder (parallel tempering over an axis) implements {@link Model} or {@link AxisModel} and
 * calls {@link MonteCarlo#run} itself.
 */
public abstract class MonteCarloModel implements Model {
    private final ThermalObservables observables;

    protected MonteCarloModel(ThermalObservables observables) {
        this.observables = observables;
    }

    /** A chain at this task, in its initial state, drawing every random number from {@code streams}. */
    protected abstract MonteCarlo.Chain start(Task task, RandomStreams streams);

    @Override
    public final List<ObservableSpec> observables() {
        return observables.specs();
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        return MonteCarlo.run(observables, start(task, streams), task.budget(), deadline).get(0);
    }
}
