package io.phasesweep.engine.model;

/**
 * A measured observable: one double column in {@code raw}.
 *
 * @param thermal true for a Monte Carlo time average: {@code raw} then also has {@code <name>_err}
 *                (error of the mean from binning) and {@code <name>_tau} (integrated autocorrelation
 *                time in measurement steps)
 */
public record ObservableSpec(String name, String doc, boolean thermal) {

    public static ObservableSpec thermal(String name, String doc) {
        return new ObservableSpec(name, doc, true);
    }

    public static ObservableSpec value(String name, String doc) {
        return new ObservableSpec(name, doc, false);
    }
}
