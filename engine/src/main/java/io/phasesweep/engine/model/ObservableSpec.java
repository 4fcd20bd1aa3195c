package io.phasesweep.engine.model;

/**
 * A measured observable: one double column in {@code raw}.
 *
 * @param thermal     true for a Monte Carlo time average: {@code raw} then also has {@code <name>_err}
 *                    (error of the mean from binning) and {@code <name>_tau} (integrated autocorrelation
 *                    time in measurement steps)
 * @param probability true when each replica's value lies in [0, 1] and their mean estimates a
 *                    probability (a wrapping or satisfiability probability): near 0 or 1 such a mean
 *                    is decided by the few replicas that reach the event, and the data collapse leaves
 *                    out the points less than one replica's worth from the bound
 */
public record ObservableSpec(String name, String doc, boolean thermal, boolean probability) {

    public static ObservableSpec thermal(String name, String doc) {
        return new ObservableSpec(name, doc, true, false);
    }

    public static ObservableSpec value(String name, String doc) {
        return new ObservableSpec(name, doc, false, false);
    }

    public static ObservableSpec probability(String name, String doc) {
        return new ObservableSpec(name, doc, false, true);
    }
}
