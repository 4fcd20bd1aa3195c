package io.phasesweep.engine.run;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ReplicaBatchModel;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What points cost in seconds, learnt from the wall time of finished points ({@code raw.wall_ms}):
 * the one cost model of the engine, for scheduling a resumed run or a refinement round (the
 * units of work are spread over tasks by it) and for planning a round (the refinement buys replicas
 * per core-second by it). The model's static {@link io.phasesweep.engine.model.Model#cost} is a
 * relative estimate that can be off by a size- and parameter-dependent factor (a Wolff update costs
 * a cluster, not a lattice: at L = 32 a point at T = 2.0 cost 2.6 times one at T_c).
 *
 * <p>A point whose site (its key without the replica: same parameters and size) has finished
 * points costs their mean wall time. Any other point costs its static estimate times its size's
 * measured seconds per unit of estimate, or, for a size with no measurement, those of the nearest
 * measured size (in log size). Without any measurement the static estimates stay as they are.
 * No point costs less than {@link #RESOLUTION_SECONDS}.
 */
public final class MeasuredCost {
    /** {@code raw.wall_ms} counts whole milliseconds: no point is cheaper than that resolution. */
    public static final double RESOLUTION_SECONDS = 1e-3;

    private final Map<String, Double> secondsBySite;
    private final TreeMap<Integer, Double> secondsPerEstimate;
    private final ToDoubleFunction<Task> estimate;

    private MeasuredCost(Map<String, Double> secondsBySite, TreeMap<Integer, Double> secondsPerEstimate,
                         ToDoubleFunction<Task> estimate) {
        this.secondsBySite = secondsBySite;
        this.secondsPerEstimate = secondsPerEstimate;
        this.estimate = estimate;
    }

    /** A point's site: its key without the replica ({@code size=16|T=2.3|r=4} → {@code size=16|T=2.3}). */
    public static String site(String pointKey) {
        int replica = pointKey.lastIndexOf("|r=");
        return replica < 0 ? pointKey : pointKey.substring(0, replica);
    }

    /**
     * @param sweep         the sweep's points, whose static estimates relate the measured sites to the
     *                      others of their size
     * @param estimate      the static cost of a point (any unit; {@link #perPoint} of the model)
     * @param secondsBySite site → mean wall seconds per finished point there
     */
    public static MeasuredCost of(List<Point> sweep, ToDoubleFunction<Task> estimate, Map<String, Double> secondsBySite) {
        Map<Integer, double[]> bySize = new HashMap<>();
        Set<String> counted = new HashSet<>();
        for (Point p : sweep) {
            String site = site(p.key());
            Double seconds = secondsBySite.get(site);
            double units = estimate.applyAsDouble(p.task());
            // a site counts once per size, whatever its replicas: the mean is per point already
            if (seconds != null && units > 0 && counted.add(site)) {
                double[] sums = bySize.computeIfAbsent(p.size(), s -> new double[2]);
                sums[0] += Math.max(RESOLUTION_SECONDS, seconds);
                sums[1] += units;
            }
        }
        TreeMap<Integer, Double> perEstimate = new TreeMap<>();
        bySize.forEach((size, sums) -> perEstimate.put(size, sums[0] / sums[1]));
        return new MeasuredCost(Map.copyOf(secondsBySite), perEstimate, estimate);
    }

    /**
     * The model's static cost of one point: {@link Model#cost} of its task, shared by the replicas
     * of a {@link ReplicaBatchModel}'s batch, which run in one pass.
     */
    public static ToDoubleFunction<Task> perPoint(Model model) {
        return task -> model.cost(task) / (model instanceof ReplicaBatchModel b ? Math.max(1, b.replicaBatch(task)) : 1);
    }

    /** Whether any point was measured: without, {@link #seconds} are the static estimates, in their own unit. */
    public boolean measured() {
        return !secondsPerEstimate.isEmpty();
    }

    /** A point's cost: its site's mean where measured, else its static estimate at its size's measured rate. */
    public double seconds(Point p) {
        Double known = secondsBySite.get(site(p.key()));
        if (known != null) {
            return Math.max(RESOLUTION_SECONDS, known);
        }
        double units = estimate.applyAsDouble(p.task());
        return measured() ? Math.max(RESOLUTION_SECONDS, units * perEstimate(p.size())) : units;
    }

    /** The unit's cost: the sum of its points' where anything was measured, else its static estimate. */
    public double cost(PointGroup g) {
        return measured() ? g.points().stream().mapToDouble(this::seconds).sum() : g.cost();
    }

    /** The units with {@link #cost} as their cost, in the same order. */
    public List<PointGroup> priced(List<PointGroup> groups) {
        return groups.stream().map(g -> new PointGroup(g.key(), g.points(), g.disorderSeed(), g.dynamicsSeed(), cost(g)))
                .toList();
    }

    private double perEstimate(int size) {
        Integer below = secondsPerEstimate.floorKey(size);
        Integer above = secondsPerEstimate.ceilingKey(size);
        int nearest = below == null ? above : above == null ? below
                : Math.log(size) - Math.log(below) <= Math.log(above) - Math.log(size) ? below : above;
        return secondsPerEstimate.get(nearest);
    }
}
