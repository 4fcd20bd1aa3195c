package io.phasesweep.engine.model;

import java.util.List;

/**
 * A Markov chain Monte Carlo model. The model says how to start a chain at a point and what one
 * natural update and one measurement are; the engine runs the loop: {@code thermalize} updates,
 * then {@code measure} updates with a measurement after each one, binned by {@link LogBinning} into
 * a mean, an error of the mean and an integrated autocorrelation time per observable.
 *
 * <p>Every observable of a Monte Carlo model is a thermal time average
 * ({@link ObservableSpec#thermal}). Quantities that are functions of averages (a Binder cumulant,
 * a susceptibility from moments) are {@link #derived()} observables, computed at aggregation from
 * replica-averaged means.
 */
public abstract class MonteCarloModel implements Model {
    /** Budget key: updates discarded before measuring. */
    public static final String THERMALIZE = "thermalize";
    /** Budget key: updates measured, one measurement after each. */
    public static final String MEASURE = "measure";
    /** The deadline is checked once every this many updates: often enough, and cheap. */
    static final int CHECK_EVERY = 64;

    /** The state of one run: created per point, advanced by the engine, never shared. */
    public interface Chain {
        /** One natural update (a lattice sweep, a cluster flip), using only the point's random streams. */
        void update();

        /** Writes the current value of every observable into {@code out}, in {@link #observables()} order. */
        void measure(double[] out);
    }

    /** A chain at this point, in its initial state, drawing every random number from {@code streams}. */
    protected abstract Chain start(Task task, RandomStreams streams);

    /**
     * The budget keys {@code thermalize} (default 1000) and {@code measure} (default 10000), counted in
     * natural updates; {@code update} says what one is, e.g. "lattice sweeps".
     */
    protected static List<BudgetKey> updateBudget(String update) {
        return List.of(
                new BudgetKey(THERMALIZE, 1000, 0, "updates (" + update + ") discarded before measuring"),
                new BudgetKey(MEASURE, 10000, LogBinning.MIN_BINS,
                        "updates (" + update + ") measured, one measurement after each"));
    }

    @Override
    public final Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        List<ObservableSpec> observables = observables();
        for (ObservableSpec o : observables) {
            if (!o.thermal()) {
                throw new IllegalStateException("Monte Carlo model " + id() + " declares observable " + o.name()
                        + " as not thermal; every observable of a Monte Carlo model is a time average");
            }
        }
        long thermalize = task.budget().count(THERMALIZE);
        long measure = task.budget().count(MEASURE);
        Chain chain = start(task, streams);
        for (long i = 0; i < thermalize; i++) {
            if (i % CHECK_EVERY == 0) {
                deadline.check();
            }
            chain.update();
        }
        double[] sample = new double[observables.size()];
        LogBinning bins = new LogBinning(observables.size());
        for (long i = 0; i < measure; i++) {
            if (i % CHECK_EVERY == 0) {
                deadline.check();
            }
            chain.update();
            chain.measure(sample);
            bins.add(sample);
        }
        return Measurement.binned(observables, bins);
    }
}
