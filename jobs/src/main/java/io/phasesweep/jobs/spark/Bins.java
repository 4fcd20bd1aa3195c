package io.phasesweep.jobs.spark;

import io.phasesweep.engine.sweep.PointGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Longest-processing-time-first scheduling: groups sorted by cost, largest first, each into the
 * bin with the least cost so far. One bin becomes one Spark task, so a task runs many points
 * (an empty task costs ~0.5 ms) and the biggest sizes start first instead of straggling at the end.
 */
public final class Bins {
    /** Bins per core: enough for balance when costs are rough estimates, few enough to stay cheap. */
    static final int PER_CORE = 3;

    private Bins() {
    }

    /** How many bins for {@code groups} units of work on {@code parallelism} cores: never more than the groups. */
    static int count(int groups, int parallelism) {
        return Math.max(1, Math.min(groups, PER_CORE * Math.max(1, parallelism)));
    }

    /** The groups spread over {@code bins} bins; ties go to the lower bin, so the result is deterministic. */
    static List<List<PointGroup>> longestFirst(List<PointGroup> groups, int bins) {
        List<PointGroup> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingDouble(PointGroup::cost).reversed());
        List<List<PointGroup>> out = new ArrayList<>();
        double[] load = new double[bins];
        PriorityQueue<Integer> leastLoaded = new PriorityQueue<>(
                Comparator.<Integer>comparingDouble(b -> load[b]).thenComparingInt(b -> b));
        for (int b = 0; b < bins; b++) {
            out.add(new ArrayList<>());
            leastLoaded.add(b);
        }
        for (PointGroup g : sorted) {
            int b = leastLoaded.poll();
            out.get(b).add(g);
            load[b] += g.cost();
            leastLoaded.add(b);
        }
        out.removeIf(List::isEmpty);
        return out;
    }

    /**
     * Waves for the rest of a run after its first wave, by the first wave's pace: as many as keep
     * each at least {@code minSeconds} long, at least one and at most {@code most}. A wave's commit
     * costs a Spark job and a file per task; a stopped run loses at most its current wave.
     *
     * @param restSeconds the rest's cost at the first wave's seconds per unit of cost
     */
    static int timedWaves(double restSeconds, double minSeconds, int most) {
        double waves = Math.ceil(restSeconds / minSeconds);
        return (int) Math.max(1, Math.min(most, Double.isNaN(waves) ? most : waves));
    }

    /**
     * The groups dealt round-robin by falling cost into at most {@code waves} waves of at least
     * {@link #PER_CORE} groups per core, so every wave mixes big and small groups and keeps the
     * cores busy.
     */
    static List<List<PointGroup>> inWaves(List<PointGroup> groups, int cores, int waves) {
        int count = Math.max(1, Math.min(waves, groups.size() / (PER_CORE * Math.max(1, cores))));
        List<PointGroup> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingDouble(PointGroup::cost).reversed());
        List<List<PointGroup>> out = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < sorted.size(); i++) {
            out.get(i % count).add(sorted.get(i));
        }
        out.removeIf(List::isEmpty);
        return out;
    }
}
