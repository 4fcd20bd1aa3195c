package io.phasesweep.jobs.spark;

import io.phasesweep.engine.sweep.PointGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * How a wave's groups become Spark tasks (bins), the biggest first so that big sizes do not
 * straggle at the end: by {@link #factoring} (tasks that shrink as the wave goes on, what a run
 * does), or into a given number of bins, each group into the least loaded
 * ({@link #longestFirst}). One bin becomes one Spark task, which returns its rows to the driver,
 * so a task runs many points where points are short (an empty task costs ~0.5 ms).
 */
public final class Bins {
    /** A wave's groups per core at least ({@link #inWaves}). */
    static final int PER_CORE = 3;
    /**
     * {@link #factoring}'s smallest task is at most this share of a core's part of the wave: as many
     * tasks as 3 per core for short points, one point each for a few long ones.
     */
    static final int SHARES_PER_CORE = 4;
    /**
     * The smallest task by measured costs, in seconds of its points, in a wave long enough: a wave's
     * cores finish within about this of each other. A task returns its rows to the driver, which
     * writes the wave in one file: a task of a plain RDD job costs ~2.5 ms of CPU, so a task of
     * this length pays 2-3 % for it. When each task wrote its own Parquet file (20-25 ms of CPU
     * each: a wave of 2000 short points in 60 tasks against 6, warm, load 13-16) this was 1 s.
     */
    static final double MIN_TASK_SECONDS = 0.1;

    private Bins() {
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
     * The smallest task {@link #factoring} cuts from {@code wave}: a {@link #SHARES_PER_CORE}th of a
     * core's part of the wave, and where its costs are measured seconds at most
     * {@link #MIN_TASK_SECONDS} (a short wave, of a run in fixed waves or a small refinement round,
     * keeps its share).
     */
    static double smallest(List<PointGroup> wave, int cores, boolean seconds) {
        double share = wave.stream().mapToDouble(PointGroup::cost).sum() / (Math.max(1, cores) * SHARES_PER_CORE);
        return seconds ? Math.min(MIN_TASK_SECONDS, share) : share;
    }

    /**
     * Tasks by factoring (Hummel, Schonberg and Flynn, 1992): the groups, largest first, in batches
     * of one task per core, each task of a batch about the wave's remaining cost over twice the
     * cores, but never less than {@code smallest} (in the groups' unit of cost) unless it is one
     * group. Tasks shrink as the wave goes on, and Spark hands them out in order as cores free up,
     * so the cores finish within about the last tasks' cost of each other, even where costs are off
     * by a factor of 2, and tasks stay few: about {@code 2 cores log2(cost / (2 cores smallest))}.
     * Deterministic for the same costs.
     */
    static List<List<PointGroup>> factoring(List<PointGroup> groups, int cores, double smallest) {
        List<PointGroup> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingDouble(PointGroup::cost).reversed());
        int perBatch = Math.max(1, cores);
        double remaining = sorted.stream().mapToDouble(PointGroup::cost).sum();
        List<List<PointGroup>> out = new ArrayList<>();
        int next = 0;
        while (next < sorted.size()) {
            double chunk = Math.max(smallest, remaining / (2 * perBatch));
            for (int t = 0; t < perBatch && next < sorted.size(); t++) {
                List<PointGroup> task = new ArrayList<>();
                double cost = 0;
                do {
                    PointGroup g = sorted.get(next++);
                    task.add(g);
                    cost += g.cost();
                } while (next < sorted.size() && cost + sorted.get(next).cost() <= chunk);
                remaining -= cost;
                out.add(task);
            }
        }
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
     * cores busy; but into {@code least} waves at least (as many as there are groups at most),
     * whatever the groups per core.
     */
    static List<List<PointGroup>> inWaves(List<PointGroup> groups, int cores, int waves, int least) {
        int perCore = Math.max(1, Math.min(waves, groups.size() / (PER_CORE * Math.max(1, cores))));
        int count = Math.max(perCore, Math.min(least, groups.size()));
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
