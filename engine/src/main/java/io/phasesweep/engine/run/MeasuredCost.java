package io.phasesweep.engine.run;

import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What units of work cost in seconds, learnt from the wall time of finished points
 * ({@code raw.wall_ms}), for scheduling a resumed run or a refinement round: the model's static
 * {@link io.phasesweep.engine.model.Model#cost} is a relative estimate that can be off by a size-
 * dependent factor (a Wolff update costs a cluster, not a lattice), which unbalances the bins.
 *
 * <p>A point whose site (its key without the replica: same parameters and size) has finished
 * points costs their mean wall time. Any other point costs its static estimate times its size's
 * measured seconds per unit of estimate, or, for a size with no measurement, those of the nearest
 * measured size (in log size). Without any measurement the static estimates stay as they are.
 */
public final class MeasuredCost {
    /** {@code raw.wall_ms} counts whole milliseconds: no point is cheaper than that resolution. */
    public static final double RESOLUTION_SECONDS = 1e-3;

    private final Map<String, Double> secondsBySite;
    private final TreeMap<Integer, Double> secondsPerEstimate;

    private MeasuredCost(Map<String, Double> secondsBySite, TreeMap<Integer, Double> secondsPerEstimate) {
        this.secondsBySite = secondsBySite;
        this.secondsPerEstimate = secondsPerEstimate;
    }

    /** A point's site: its key without the replica ({@code size=16|T=2.3|r=4} → {@code size=16|T=2.3}). */
    public static String site(String pointKey) {
        int replica = pointKey.lastIndexOf("|r=");
        return replica < 0 ? pointKey : pointKey.substring(0, replica);
    }

    /**
     * @param sweep         the sweep's units of work, whose static estimates relate the measured
     *                      sites to the others of their size
     * @param secondsBySite site → mean wall seconds per finished point there
     */
    public static MeasuredCost of(List<PointGroup> sweep, Map<String, Double> secondsBySite) {
        Map<Integer, double[]> bySize = new HashMap<>();
        Map<String, Boolean> counted = new HashMap<>();
        for (PointGroup g : sweep) {
            double estimate = g.cost() / g.points().size();
            for (Point p : g.points()) {
                String site = site(p.key());
                Double seconds = secondsBySite.get(site);
                // a site counts once per size, whatever its replicas: the mean is per point already
                if (seconds != null && estimate > 0 && counted.putIfAbsent(site, true) == null) {
                    double[] sums = bySize.computeIfAbsent(p.size(), s -> new double[2]);
                    sums[0] += Math.max(RESOLUTION_SECONDS, seconds);
                    sums[1] += estimate;
                }
            }
        }
        TreeMap<Integer, Double> perEstimate = new TreeMap<>();
        bySize.forEach((size, sums) -> perEstimate.put(size, sums[0] / sums[1]));
        return new MeasuredCost(Map.copyOf(secondsBySite), perEstimate);
    }

    /** The unit's cost: measured seconds where anything was measured, else its static estimate. */
    public double cost(PointGroup g) {
        if (secondsPerEstimate.isEmpty()) {
            return g.cost();
        }
        double estimate = g.cost() / g.points().size();
        double seconds = 0;
        for (Point p : g.points()) {
            Double measured = secondsBySite.get(site(p.key()));
            seconds += measured != null ? Math.max(RESOLUTION_SECONDS, measured) : estimate * perEstimate(p.size());
        }
        return seconds;
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
