package io.phasesweep.engine.models.sk;

import io.phasesweep.engine.model.AxisModel;
import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.model.ThermalObservables;
import io.phasesweep.engine.model.ThermalObservables.Slot;

import java.util.List;

/**
 * Sherrington–Kirkpatrick spin glass, H = −Σ_{i<j} J_ij s_i s_j with J_ij Gaussian of variance 1/N:
 * spin-glass transition at T_c = 1, ground-state energy −0.7633 per spin (Parisi) as N → ∞.
 *
 * <p>One run takes one coupling sample (disorder stream) and the whole T axis of the sweep as a
 * parallel-tempering ladder, with two independent replica sets a, b so that the overlap
 * q = (1/N) Σ s_i^a s_i^b is measured at every T. Budget in PT rounds (one Metropolis sweep of every
 * replica at every T, then neighbour swap attempts in each set). The Binder cumulant is formed at
 * aggregation from disorder-averaged ⟨q²⟩ and ⟨q⁴⟩.
 */
public final class SherringtonKirkpatrickModel implements AxisModel {
    private static final ThermalObservables OBSERVABLES = new ThermalObservables();
    static final Slot ENERGY = OBSERVABLES.declare("e", "energy per spin, averaged over the two replicas");
    static final Slot Q2 = OBSERVABLES.declare("q2", "⟨q²⟩ of the overlap between the two replicas");
    static final Slot Q4 = OBSERVABLES.declare("q4", "⟨q⁴⟩ of the overlap between the two replicas");
    static final Slot SWAP_RATE = OBSERVABLES.declare("swap_rate", "acceptance of swaps with the next higher T; at"
            + " the highest T, with the next lower T; 0 for a one-temperature ladder");

    @Override
    public String id() {
        return "sk";
    }

    @Override
    public String summary() {
        return "Sherrington–Kirkpatrick spin glass by parallel tempering over the T axis (T_c = 1)";
    }

    @Override
    public String sizeMeaning() {
        return "N (number of spins)";
    }

    @Override
    public String wholeAxis() {
        return "T";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.real("T", null, 1e-3, null,
                "temperature; all T values of the sweep form one parallel-tempering ladder"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return OBSERVABLES.specs();
    }

    @Override
    public List<DerivedObservable> derived() {
        return List.of(new DerivedObservable("binder", "spin-glass Binder cumulant ½(3 − [⟨q⁴⟩]/[⟨q²⟩]²)",
                List.of("q4", "q2"), (means, params, size) -> 0.5 * (3.0 - means[0] / (means[1] * means[1]))));
    }

    @Override
    public List<BudgetKey> budget() {
        return MonteCarlo.budget("parallel-tempering rounds", 2000, 8000);
    }

    @Override
    public double cost(Task task) {
        double n = task.size();
        return n * n * (task.budget().get(MonteCarlo.THERMALIZE) + task.budget().get(MonteCarlo.MEASURE));
    }

    @Override
    public List<Measurement> runAxis(List<Task> ladder, RandomStreams streams, Deadline deadline) {
        Task first = ladder.get(0);
        double[] temperatures = ladder.stream().mapToDouble(t -> t.params().real("T")).toArray();
        Couplings couplings = Couplings.draw(first.size(), streams.disorder());
        ParallelTempering pt = new ParallelTempering(couplings, temperatures, streams.dynamics());
        return MonteCarlo.run(OBSERVABLES, pt, first.budget(), deadline);
    }
}
