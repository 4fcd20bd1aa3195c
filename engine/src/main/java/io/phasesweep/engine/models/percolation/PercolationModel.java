package io.phasesweep.engine.models.percolation;

import io.phasesweep.engine.model.Shuffle;
import io.phasesweep.engine.model.AxisModel;
import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Site percolation on the L^d lattice (d = 2 or 3) by Newman–Ziff: one random occupation order
 * per sample (from the disorder stream), all values of p from it by the binomial convolution, so
 * each observable is this order's exact p-ensemble value and its replica mean is unbiased.
 * p_c = 0.592746… (square), 0.311608 (simple cubic).
 */
public final class PercolationModel implements AxisModel {

    @Override
    public String id() {
        return "percolation";
    }

    @Override
    public String summary() {
        return "site percolation on the square or simple cubic lattice (Newman-Ziff, all p from one order)";
    }

    @Override
    public String sizeMeaning() {
        return "L (linear lattice size)";
    }

    @Override
    public String wholeAxis() {
        return "p";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("p", null, 0.0, 1.0, "site occupation probability"),
                ParamSpec.integer("dim", 2, 2, 3, "lattice dimension"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.probability("spans", "probability (over n ~ Binomial(N,p) for this order) that a cluster"
                        + " joins the first and last layer along axis 0, open boundaries"),
                ObservableSpec.probability("wraps", "probability that a cluster wraps around the periodic lattice along any axis"),
                ObservableSpec.value("pmax", "largest cluster size / L^d (periodic lattice)"),
                ObservableSpec.value("mean_size", "sum s^2 / sum s over clusters other than the largest (periodic lattice)"),
                ObservableSpec.value("chi", "susceptibility: sum s^2 / L^d over clusters other than the largest"
                        + " (periodic lattice); its peak grows as L^(gamma/nu)"));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of();
    }

    @Override
    public String refuses(Task task) {
        return Lattice.problem(task.size(), task.params().integer("dim"));
    }

    @Override
    public double cost(Task task) {
        return Math.pow(task.size(), task.params().integer("dim"));
    }

    @Override
    public List<Measurement> runAxis(List<Task> ladder, RandomStreams streams, Deadline deadline) {
        Task first = ladder.get(0);
        Lattice lattice = new Lattice(first.size(), first.params().integer("dim"));
        CanonicalCurves curves = NewmanZiff.run(lattice, randomOrder(lattice.sites(), streams.disorder()));
        List<Measurement> out = new ArrayList<>(ladder.size());
        for (Task task : ladder) {
            deadline.check();
            BinomialConvolution at = new BinomialConvolution(curves.sites(), task.params().real("p"));
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("spans", at.tail(curves.firstSpan()));
            values.put("wraps", at.tail(curves.firstWrap()));
            values.put("pmax", at.average(curves.largest()));
            values.put("mean_size", at.average(curves.meanSize()));
            values.put("chi", at.average(curves.chi()));
            out.add(Measurement.of(values));
        }
        return out;
    }

    /** A uniformly random permutation of 0..sites−1 (Fisher–Yates). */
    static int[] randomOrder(int sites, RandomGenerator rng) {
        int[] order = new int[sites];
        for (int i = 0; i < sites; i++) {
            order[i] = i;
        }
        Shuffle.inPlace(order, rng);
        return order;
    }
}
