package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.refine.WorldRefinement;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * Trials of a whole refinement ({@link WorldRefinement}) in a world with a known answer, trial t
 * with sweep seed t and the world of seed t: one line per trial (its stop, points, core-seconds,
 * best critical value and exponent, the crossing's and the collapse's main rows), then the
 * coverage table ({@link CalibrationTest#coverage}). For the benchmarks of bench/refined-world.sh.
 * With {@code -Dtrial=t} only trial t runs, printed in full: every row and every final point.
 */
final class WorldRefinementTrials {
    private WorldRefinementTrials() {
    }

    static void run(SweepSpec file, Model model, int trials, double xc, String exponent, double exponentValue,
                    LongFunction<WorldRefinement.World> world) {
        Map<String, Double> truth = Map.of(Quantity.CRITICAL_VALUE.name(), xc, exponent, exponentValue);
        Integer one = Integer.getInteger("trial");
        if (one != null) {
            printTrial(file, model, one, world.apply(one));
            return;
        }
        CalibrationTest.coverage("the refinement of " + file.name() + " in a world with a known answer", trials,
                List.of(Quantity.CRITICAL_VALUE.name(), exponent), q -> truth.getOrDefault(q, Double.NaN), t -> {
                    WorldRefinement.Outcome o = WorldRefinement.run(withSeed(file, t), model, world.apply(t));
                    System.out.printf(Locale.ROOT, "trial %d: %s after round %d, %d points, %.1f core-s; x_c %s; %s %s;"
                                    + " crossing %s; collapse %s%n", t, o.stop().column(), o.rounds(), o.points(), o.coreSeconds(),
                            best(o.result(), null, xc), exponent, best(o.result(), exponent, exponentValue),
                            main(o.result(), "crossing", xc), main(o.result(), "collapse", xc));
                    return o.result();
                });
    }

    private static SweepSpec withSeed(SweepSpec file, long seed) {
        return new SweepSpec(file.name(), file.model(), seed, file.params(), file.axes(), file.sizes(), file.replicas(),
                file.budget(), file.analysis(), file.refine());
    }

    /** One trial in full: its stop, every boundary and exponent row, and its final points by size and control value. */
    private static void printTrial(SweepSpec file, Model model, long t, WorldRefinement.World world) {
        WorldRefinement.Outcome o = WorldRefinement.run(withSeed(file, t), model, world);
        System.out.printf(Locale.ROOT, "trial %d: %s after round %d, %d points, %.1f core-s%n", t, o.stop().column(), o.rounds(),
                o.points(), o.coreSeconds());
        Stream.concat(o.result().boundaries().stream().map(b -> Map.entry("x_c", b.finding())),
                        o.result().exponents().stream().map(e -> Map.entry(e.quantity(), e.finding())))
                .forEach(row -> {
                    Finding f = row.getValue();
                    System.out.printf(Locale.ROOT, "%s %s/%s %s: %.6g ± %.3g (stat %.3g, sys %.3g), sizes %s, flags %s; %s%n", row.getKey(),
                            f.method(), f.variant(), f.observable(), f.value(), f.stderr(), f.stderrStat(), f.stderrSys(), f.sizes(),
                            f.flags(), f.quality());
                });
        String control = file.analysis().control();
        o.result().points().stream().sorted(Comparator.comparingInt(PointRow::size).thenComparingDouble(p -> p.params().real(control)))
                .forEach(p -> System.out.printf(Locale.ROOT, "point L=%d %s=%.6g replicas %d: %s%n", p.size(), control,
                        p.params().real(control), p.replicas(), p.observables()));
    }

    /** A method's main critical value as value (pull) and its flags. */
    private static String main(AnalysisResult r, String method, double xc) {
        return r.boundaries().stream().map(BoundaryRow::finding).filter(f -> f.isMain() && f.method().equals(method)).findFirst()
                .map(f -> String.format(Locale.ROOT, "%.5f (%+.2f) %s", f.value(), (f.value() - xc) / f.stderr(), f.flags()))
                .orElse("none");
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
