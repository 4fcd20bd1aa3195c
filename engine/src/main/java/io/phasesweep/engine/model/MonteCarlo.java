package io.phasesweep.engine.model;

import io.phasesweep.engine.model.ThermalObservables.Reading;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's one Monte Carlo loop: {@code thermalize} updates, then {@code measure} updates with
 * a measurement of every level after each, binned by {@link LogBinning} into a mean, an error of
 * the mean and an integrated autocorrelation time per observable and level. A model supplies the
 * {@link Chain} (one Markov chain) or {@link Ladder} (chains at several temperatures advanced
 * together, as in parallel tempering) and declares its observables in {@link ThermalObservables}.
 */
public final class MonteCarlo {
    /** Budget key: updates discarded before measuring. */
    public static final String THERMALIZE = "thermalize";
    /** Budget key: updates measured, one measurement after each. */
    public static final String MEASURE = "measure";
    /** The deadline is checked once every this many updates: often enough, and cheap. */
    static final int CHECK_EVERY = 64;

    private MonteCarlo() {
    }

    /**
     * Markov chains at the levels of a ladder (temperatures, say), advanced together: the state of
     * one run, created per point, never shared, drawing every random number from the run's streams.
     */
    public interface Ladder {
        /** Number of levels; one measurement each per update. */
        int levels();

        /** One natural update of every level (a parallel-tempering round: sweeps, then swaps). */
        void update();

        /** Sets every declared observable to its current value at {@code level}. */
        void measure(int level, Reading out);
    }

    /** One Markov chain: a ladder of one level. */
    public interface Chain extends Ladder {
        /** Sets every declared observable to its current value. */
        void measure(Reading out);

        @Override
        default int levels() {
            return 1;
        }

        @Override
        default void measure(int level, Reading out) {
            measure(out);
        }
    }

    /** The budget keys {@code thermalize} (default 1000) and {@code measure} (default 10000). */
    public static List<BudgetKey> budget(String update) {
        return budget(update, 1000, 10000);
    }

    /**
     * The budget keys {@code thermalize} and {@code measure} with these defaults, counted in natural
     * updates; {@code update} says what one is, e.g. "lattice sweeps".
     */
    public static List<BudgetKey> budget(String update, double thermalize, double measure) {
        return List.of(
                BudgetKey.count(THERMALIZE, thermalize, 0, "updates (" + update + ") discarded before measuring"),
                BudgetKey.count(MEASURE, measure, LogBinning.MIN_BINS,
                        "updates (" + update + ") measured, one measurement after each"));
    }

    /**
     * Runs the loop on {@code ladder} with the budget's {@code thermalize} and {@code measure}.
     *
     * @return one measurement per level, in level order: mean, error and tau of every observable
     */
    public static List<Measurement> run(ThermalObservables observables, Ladder ladder, Budget budget,
                                        Deadline deadline) {
        long thermalize = budget.count(THERMALIZE);
        long measure = budget.count(MEASURE);
        for (long i = 0; i < thermalize; i++) {
            if (i % CHECK_EVERY == 0) {
                deadline.check();
            }
            ladder.update();
        }
        int levels = ladder.levels();
        LogBinning[] bins = new LogBinning[levels];
        for (int k = 0; k < levels; k++) {
            bins[k] = new LogBinning(observables.size());
        }
        Reading reading = new Reading(observables);
        for (long i = 0; i < measure; i++) {
            if (i % CHECK_EVERY == 0) {
                deadline.check();
            }
            ladder.update();
            for (int k = 0; k < levels; k++) {
                ladder.measure(k, reading);
                if (i == 0) {
                    reading.requireAllSet();
                }
                bins[k].add(reading.values);
            }
        }
        List<Measurement> out = new ArrayList<>(levels);
        for (LogBinning b : bins) {
            out.add(Measurement.binned(observables.specs(), b));
        }
        return out;
    }
}
