package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.SweepAnalysis;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.run.MeasuredCost;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.RefineSpec;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rounds of a refined sweep without Spark, on a world with a known answer: what
 * {@code phasesweep run} does with a refine section (the jobs module's RefineJob), each point
 * observed by the world instead of the model and taking the world's wall time, the rounds decided
 * by the same analysis, {@link Precision}, {@link Stop} and {@link Planner}. It judges the whole
 * refinement, where it puts its points and when it stops, which a fixed grid cannot: a refinement
 * that stops when its error is small selects its own error bars.
 */
public final class WorldRefinement {
    private WorldRefinement() {
    }

    /** What the world measures at a point, and the point's wall time as {@code raw.wall_ms} records it. */
    public interface World {
        Map<String, Double> observe(Point p);

        long wallMs(Point p);
    }

    /** How the rounds ended: the last round, why, its analysis, the points and core-seconds in all. */
    public record Outcome(int rounds, Stop stop, AnalysisResult result, int points, double coreSeconds) {
    }

    public static Outcome run(SweepSpec spec, Model model, World world) {
        RefineSpec refine = spec.refine();
        Set<String> done = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        // site -> {wall ms summed, points}: the mean per site is what MeasuredCosts reads from raw
        Map<String, long[]> sites = new HashMap<>();
        List<Double> spentAfter = new ArrayList<>();
        List<List<TargetStatus>> earlier = new ArrayList<>();
        double spent = 0;
        for (int round = 0; ; round++) {
            List<Point> points = SweepExpander.points(spec);
            for (Point p : points) {
                if (done.add(p.key())) {
                    samples.add(new Sample(p.params(), p.size(), p.replica(), world.observe(p)));
                    long ms = world.wallMs(p);
                    // as RefineJob counts raw's rows: at least the resolution of wall_ms each
                    spent += Math.max(ms, 1) / 1000.0;
                    long[] site = sites.computeIfAbsent(MeasuredCost.site(p.key()), k -> new long[2]);
                    site[0] += ms;
                    site[1]++;
                }
            }
            AnalysisResult result = SweepAnalysis.analyze(spec, model, samples, Map.of());
            List<TargetStatus> statuses = Precision.of(spec, result);
            spentAfter.add(spent);
            double twoRoundsAgo = round >= 2 ? spentAfter.get(round - 2) : 0;
            Optional<Stop> stop = Stop.after(round, statuses, earlier, spent, spent - twoRoundsAgo, refine);
            Planner.Plan plan = null;
            if (stop.isEmpty()) {
                double share = (refine.budgetCoreSeconds() - spent) / (refine.maxRounds() - round);
                Map<String, Double> seconds = new HashMap<>();
                sites.forEach((site, s) -> seconds.put(site, s[0] / 1000.0 / s[1]));
                MeasuredCost costs = MeasuredCost.of(points, MeasuredCost.perPoint(model), seconds);
                plan = Planner.plan(spec, result, costs, share, round + 1, earlier, ReplicaNumbering.of(spec, model));
                if (plan.blocks().isEmpty()) {
                    stop = Optional.of(Stop.NOTHING_TO_ADD);
                }
            }
            if (stop.isPresent()) {
                return new Outcome(round, stop.get(), result, samples.size(), spent);
            }
            earlier.add(statuses);
            spec = spec.withRefine(spec.refine().plus(plan.blocks()));
        }
    }
}
