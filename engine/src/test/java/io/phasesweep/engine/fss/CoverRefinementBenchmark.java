package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.PatternLoad;
import io.phasesweep.engine.refine.WorldRefinement;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole refinement of {@code sweeps/perceptron-refine.yaml} (its rounds, planner and stop
 * rule, {@link WorldRefinement}) in Cover's exact world ({@link CoverWorld}: a replica of size N
 * is SAT at α exactly when its pattern count is within its capacity, drawn once from Cover's law),
 * trial t with seed t: one line per trial (its stop, points, core-seconds, best α_c and ν), then
 * the coverage table of α_c = 2 and ν = 2. A point takes the mean wall time the real model took at
 * its size (twelve seeds of the refinement on 66ae995, load 2-4), so the budget buys what it buys
 * on this machine. Run by {@code bench/refined-world.sh perceptron-refine}; not a test.
 */
public final class CoverRefinementBenchmark {
    /** Mean wall ms of a perceptron point by N (κ = 0, α near 2). */
    private static final Map<Integer, Double> WALL_MS = Map.of(25, 0.0137, 50, 0.127, 100, 2.51, 200, 22.0);

    private CoverRefinementBenchmark() {
    }

    /** @param args the sweep file (sweeps/perceptron-refine.yaml) and the number of trials */
    public static void main(String[] args) throws Exception {
        ModelRegistry registry = ModelRegistry.load();
        SweepSpec file = SweepParser.parse(Path.of(args[0]), registry);
        int trials = Integer.parseInt(args[1]);
        Model model = registry.find("perceptron");
        Map<String, Double> truth = Map.of(Quantity.CRITICAL_VALUE.name(), CoverWorld.CRITICAL_ALPHA, "nu", 2.0);
        CalibrationTest.coverage("the refinement of " + file.name() + " in Cover's exact world", trials,
                List.of(Quantity.CRITICAL_VALUE.name(), "nu"), q -> truth.getOrDefault(q, Double.NaN), t -> {
                    SweepSpec spec = new SweepSpec(file.name(), file.model(), t, file.params(), file.axes(), file.sizes(),
                            file.replicas(), file.budget(), file.analysis(), file.refine());
                    WorldRefinement.Outcome o = WorldRefinement.run(spec, model, world(t));
                    System.out.printf(Locale.ROOT, "trial %d: %s after round %d, %d points, %.1f core-s; alpha_c %s; nu %s;"
                                    + " crossing %s; collapse %s%n", t, o.stop().column(), o.rounds(), o.points(), o.coreSeconds(),
                            best(o.result(), null, 2), best(o.result(), "nu", 2), main(o.result(), "crossing"),
                            main(o.result(), "collapse"));
                    return o.result();
                });
    }

    /** Cover's world with seed t: a replica's capacity from its (N, replica) alone, P's dither from its point. */
    private static WorldRefinement.World world(long seed) {
        Map<Long, Integer> capacities = new ConcurrentHashMap<>();
        return new WorldRefinement.World() {
            @Override
            public Map<String, Double> observe(Point p) {
                long replicaSeed = Seeds.disorder(seed, p.size(), p.replica());
                int capacity = capacities.computeIfAbsent(replicaSeed,
                        s -> CoverWorld.capacity(p.size(), Seeds.generator(s).nextDouble()));
                int patterns = PatternLoad.count(p.params().real("alpha"), p.size(), Seeds.generator(Seeds.dynamics(seed, p.key())));
                return Map.of("sat", patterns <= capacity ? 1.0 : 0.0, "margin", 0.0);
            }

            @Override
            public long wallMs(Point p) {
                return Math.round(WALL_MS.getOrDefault(p.size(), WALL_MS.get(200) * Math.pow(p.size() / 200.0, 3)));
            }
        };
    }

    /** A method's main critical value as value (pull) and its flags. */
    private static String main(AnalysisResult r, String method) {
        return r.boundaries().stream().map(BoundaryRow::finding).filter(f -> f.isMain() && f.method().equals(method)).findFirst()
                .map(f -> String.format(Locale.ROOT, "%.5f (%+.2f) %s", f.value(), (f.value() - CoverWorld.CRITICAL_ALPHA) / f.stderr(),
                        f.flags())).orElse("none");
    }

    /** The best row of a quantity (null: the critical value) as value ± stderr (pull), or "none". */
    private static String best(AnalysisResult r, String exponent, double exact) {
        List<Finding> best = (exponent == null ? r.boundaries().stream().map(BoundaryRow::finding)
                : r.exponents().stream().filter(e -> e.quantity().equals(exponent)).map(ExponentRow::finding))
                .filter(Finding::isBest).toList();
        return best.isEmpty() ? "none" : String.format(Locale.ROOT, "%.5f ± %.5f (pull %+.2f)", best.get(0).value(),
                best.get(0).stderr(), (best.get(0).value() - exact) / best.get(0).stderr());
    }
}
