package io.phasesweep.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The thermal observables of a Monte Carlo model, declared once, in column order. Each declaration
 * hands back the {@link Slot} a chain writes that observable to, so the chain's writes cannot fall
 * out of step with the declaration order:
 * <pre>{@code
 * static final ThermalObservables OBSERVABLES = new ThermalObservables();
 * static final Slot E = OBSERVABLES.declare("e", "energy per spin");
 * ...
 * public void measure(Reading out) {
 *     out.set(E, energy / sites);
 * }
 * }</pre>
 * Declare them in static initialisers, before the first run. {@link MonteCarlo#run} bins every one
 * into a mean, an error of the mean and an integrated autocorrelation time ({@code X}, {@code X_err},
 * {@code X_tau} in {@code raw}).
 */
public final class ThermalObservables {
    private final List<ObservableSpec> specs = new ArrayList<>();

    /** Declares the next observable. */
    public Slot declare(String name, String doc) {
        if (specs.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("observable " + name + " is declared twice");
        }
        specs.add(ObservableSpec.thermal(name, doc));
        return new Slot(this, specs.size() - 1);
    }

    /** The declarations, in order: what the model returns from {@link Model#observables()}. */
    public List<ObservableSpec> specs() {
        return List.copyOf(specs);
    }

    int size() {
        return specs.size();
    }

    /** Where a chain writes one declared observable. */
    public static final class Slot {
        private final ThermalObservables owner;
        private final int index;

        private Slot(ThermalObservables owner, int index) {
            this.owner = owner;
            this.index = index;
        }
    }

    /** One measurement in progress: the chain sets the current value of every declared observable. */
    public static final class Reading {
        private final ThermalObservables observables;
        final double[] values;
        private final boolean[] written;

        public Reading(ThermalObservables observables) {
            this.observables = observables;
            this.values = new double[observables.size()];
            this.written = new boolean[observables.size()];
        }

        public void set(Slot slot, double value) {
            if (slot.owner != observables) {
                throw new IllegalArgumentException("slot of another declaration: " + slot.owner.specs.get(slot.index).name());
            }
            values[slot.index] = value;
            written[slot.index] = true;
        }

        /** The value last set, for tests of a chain's measure. */
        public double get(Slot slot) {
            return values[slot.index];
        }

        /** Throws unless every observable was set since the last call, then starts counting afresh. */
        void requireAllSet() {
            for (int o = 0; o < written.length; o++) {
                if (!written[o]) {
                    throw new IllegalStateException("the chain's measure did not set observable "
                            + observables.specs.get(o).name());
                }
                written[o] = false;
            }
        }
    }
}
