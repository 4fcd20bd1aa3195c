package io.phasesweep.engine.models.sk;

import io.phasesweep.engine.model.AxisModel;
import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.LogBinning;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.ArrayList;
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
        return List.of(
                ObservableSpec.thermal("e", "energy per spin, averaged over the two replicas"),
                ObservableSpec.thermal("q2", "⟨q²⟩ of the overlap between the two replicas"),
                ObservableSpec.thermal("q4", "⟨q⁴⟩ of the overlap between the two replicas"),
                ObservableSpec.thermal("swap_rate", "acceptance of swaps with the next higher T; at the"
                        + " highest T, with the next lower T; 0 for a one-temperature ladder"));
    }

    @Override
    public List<DerivedObservable> derived() {
        return List.of(new DerivedObservable("binder", "spin-glass Binder cumulant ½(3 − [⟨q⁴⟩]/[⟨q²⟩]²)",
                List.of("q4", "q2"), (means, params, size) -> 0.5 * (3.0 - means[0] / (means[1] * means[1]))));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of(
                new BudgetKey("thermalize", 2000, 0, "PT rounds discarded before measuring"),
                new BudgetKey("measure", 8000, LogBinning.MIN_BINS, "PT rounds measured (one measurement per round)"));
    }

    @Override
    public double cost(Task task) {
        double n = task.size();
        return n * n * (task.budget().get("thermalize") + task.budget().get("measure"));
    }

    @Override
    public List<Measurement> runAxis(List<Task> ladder, RandomStreams streams, Deadline deadline) {
        Task first = ladder.get(0);
        int n = first.size();
        int levels = ladder.size();
        double[] temperatures = new double[levels];
        for (int k = 0; k < levels; k++) {
            temperatures[k] = ladder.get(k).params().real("T");
        }
        Couplings couplings = Couplings.draw(n, streams.disorder());
        ParallelTempering pt = new ParallelTempering(couplings, temperatures, streams.dynamics());
        long thermalize = (long) first.budget().get("thermalize");
        long measure = (long) first.budget().get("measure");
        for (long r = 0; r < thermalize; r++) {
            deadline.check();
            pt.round(streams.dynamics());
        }
        List<ObservableSpec> observables = observables();
        LogBinning[] bins = new LogBinning[levels];
        for (int k = 0; k < levels; k++) {
            bins[k] = new LogBinning(observables.size());
        }
        double[] sample = new double[observables.size()];
        for (long r = 0; r < measure; r++) {
            deadline.check();
            pt.round(streams.dynamics());
            for (int k = 0; k < levels; k++) {
                double q = pt.overlap(k);
                sample[0] = pt.energy(k) / n;
                sample[1] = q * q;
                sample[2] = q * q * q * q;
                sample[3] = levels == 1 ? 0.0 : pt.swapAcceptance(Math.min(k, levels - 2));
                bins[k].add(sample);
            }
        }
        List<Measurement> out = new ArrayList<>(levels);
        for (LogBinning b : bins) {
            out.add(Measurement.binned(observables, b));
        }
        return out;
    }
}
