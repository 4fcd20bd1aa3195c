package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.MonteCarloModel;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.ReplicaBatchModel;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.model.ThermalObservables.Slot;
import io.phasesweep.engine.model.ThermalObservables;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The Ising ferromagnet H = −J Σ_⟨ij⟩ s_i s_j − h Σ_i s_i on a periodic hypercubic lattice of
 * N = L^dim spins, at temperature T (k_B = 1). Observables are per spin; e includes the field term.
 * The 2D critical point at h = 0 is T_c = 2/ln(1+√2) ≈ 2.269 J (Onsager).
 */
public final class IsingModel extends MonteCarloModel implements ReplicaBatchModel {
    public static final String WOLFF = "wolff";
    public static final String METROPOLIS = "metropolis";
    /** Metropolis in checkerboard order with an inline generator ({@link CheckerboardMetropolisChain}). */
    public static final String METROPOLIS_CHECKERBOARD = "metropolis-checkerboard";
    /** Multi-spin coded checkerboard Metropolis: 64 replicas per run ({@link MultiSpinChain}). */
    public static final String METROPOLIS_MSC = "metropolis-msc";

    static final ThermalObservables OBSERVABLES = new ThermalObservables();
    static final Slot E = OBSERVABLES.declare("e", "energy per spin, field term included");
    static final Slot E2 = OBSERVABLES.declare("e2", "square of the energy per spin");
    static final Slot ABSM = OBSERVABLES.declare("absm", "|m|, absolute magnetization per spin");
    static final Slot M2 = OBSERVABLES.declare("m2", "m^2, squared magnetization per spin");
    static final Slot M4 = OBSERVABLES.declare("m4", "m^4");

    public IsingModel() {
        super(OBSERVABLES);
    }

    @Override
    public String id() {
        return "ising";
    }

    @Override
    public String summary() {
        return "Ising ferromagnet on a periodic hypercubic lattice in 1-3 dimensions (Wolff or Metropolis)";
    }

    @Override
    public String sizeMeaning() {
        return "L, the linear lattice size (N = L^dim spins)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("dim", 2, 1, 3, "lattice dimension (hypercubic, periodic)"),
                ParamSpec.real("J", 1.0, 0.0, null, "ferromagnetic coupling J >= 0"),
                ParamSpec.real("h", 0.0, null, null, "uniform magnetic field"),
                ParamSpec.word("algorithm", WOLFF, List.of(WOLFF, METROPOLIS, METROPOLIS_CHECKERBOARD, METROPOLIS_MSC),
                        "wolff: single-cluster flips (exact in a field too: the flip is accepted with the"
                                + " field's Metropolis probability); metropolis: single-spin sweeps at random sites;"
                                + " metropolis-checkerboard: single-spin sweeps in checkerboard order, an inline"
                                + " generator (dim 2 or 3, even L);"
                                + " metropolis-msc: checkerboard sweeps of 64 replicas at once, one per bit"
                                + " (multi-spin coding; h = 0, dim 2 or 3, even L; replicas run in batches of 64)"),
                ParamSpec.real("T", null, Double.MIN_VALUE, null, "temperature T > 0 (k_B = 1)"));
    }

    @Override
    public List<DerivedObservable> derived() {
        return List.of(
                new DerivedObservable("binder", "Binder cumulant 1 - <m4>/(3 <m2>^2)",
                        List.of("m4", "m2"), IsingModel::binder),
                new DerivedObservable("chi", "susceptibility N (<m2> - <|m|>^2) / T",
                        List.of("m2", "absm"), IsingModel::susceptibility),
                new DerivedObservable("c", "specific heat per spin N (<e2> - <e>^2) / T^2",
                        List.of("e2", "e"), IsingModel::specificHeat));
    }

    @Override
    public List<BudgetKey> budget() {
        return MonteCarlo.budget("lattice sweeps for the metropolis algorithms, single cluster flips for wolff");
    }

    @Override
    public String refuses(Task task) {
        ParamValues p = task.params();
        String lattice = HypercubicLattice.problem(task.size(), p.integer("dim"));
        String algorithm = p.word("algorithm");
        if (lattice != null || algorithm.equals(WOLFF) || algorithm.equals(METROPOLIS)) {
            return lattice;
        }
        if (algorithm.equals(METROPOLIS_MSC) && p.real("h") != 0) {
            return "metropolis-msc simulates h = 0 only, got h = " + p.real("h");
        }
        return HypercubicLattice.checkerboardProblem(task.size(), p.integer("dim"));
    }

    @Override
    public int replicaBatch(Task task) {
        return task.params().word("algorithm").equals(METROPOLIS_MSC) ? MultiSpinChain.LANES : 1;
    }

    @Override
    public List<Measurement> runBatch(Task task, int[] lanes, RandomStreams streams, Deadline deadline) {
        ParamValues p = task.params();
        MultiSpinChain chain = new MultiSpinChain(new HypercubicLattice(task.size(), p.integer("dim")), p.real("J"),
                p.real("T"), streams.dynamics());
        List<Measurement> all = MonteCarlo.run(OBSERVABLES, chain, task.budget(), deadline);
        return IntStream.of(lanes).mapToObj(all::get).toList();
    }

    /** A single multi-spin point is lane 0 of its batch. */
    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        return replicaBatch(task) > 1 ? runBatch(task, new int[]{0}, streams, deadline).get(0) : super.run(task, streams, deadline);
    }

    @Override
    public double cost(Task task) {
        return spins(task.params(), task.size()) * (task.budget().get(MonteCarlo.THERMALIZE) + task.budget().get(MonteCarlo.MEASURE));
    }

    @Override
    protected MonteCarlo.Chain start(Task task, RandomStreams streams) {
        ParamValues p = task.params();
        HypercubicLattice lattice = new HypercubicLattice(task.size(), p.integer("dim"));
        double coupling = p.real("J");
        double field = p.real("h");
        double temperature = p.real("T");
        return switch (p.word("algorithm")) {
            case WOLFF -> new WolffChain(lattice, coupling, field, temperature, streams.dynamics());
            case METROPOLIS -> new MetropolisChain(lattice, coupling, field, temperature, streams.dynamics());
            case METROPOLIS_CHECKERBOARD ->
                    new CheckerboardMetropolisChain(lattice, coupling, field, temperature, streams.dynamics());
            default -> throw new IllegalArgumentException("unknown algorithm " + p.word("algorithm"));
        };
    }

    static double binder(double[] means, ParamValues params, int size) {
        double m4 = means[0];
        double m2 = means[1];
        return 1 - m4 / (3 * m2 * m2);
    }

    static double susceptibility(double[] means, ParamValues params, int size) {
        double m2 = means[0];
        double absm = means[1];
        return spins(params, size) * (m2 - absm * absm) / params.real("T");
    }

    static double specificHeat(double[] means, ParamValues params, int size) {
        double e2 = means[0];
        double e = means[1];
        double t = params.real("T");
        return spins(params, size) * (e2 - e * e) / (t * t);
    }

    private static double spins(ParamValues params, int size) {
        return Math.pow(size, params.integer("dim"));
    }
}
