package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.PointBlock;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Plans a refinement round: the points it adds, as new replicas of each size over that size's
 * {@link ScalingWindow} under the current estimates ({@link Steering}). Each across value whose
 * targets are not met is refined on its own, with an equal share of the round's core-seconds:
 * <ol>
 *   <li>a size fewer than four of whose window values are measured first gets the sweep's replica count
 *       (at least 2) over it, smallest sizes first, as far as the share allows; so does the next
 *       size of {@code sizes_allowed} when systematic errors dominate a target (corrections to
 *       scaling shrink with size, not with replicas);</li>
 *   <li>the rest of the share goes one replica at a time to the size where it lowers the
 *       {@link VarianceModel}'s variance of the estimate most per core-second (a replica over the
 *       window costs the window's values times the {@link CostModel}'s cost of a point): the sizes
 *       whose noise dominates the estimate's variance gain most. When systematic errors dominate a
 *       target, only the larger half of the sizes is offered.</li>
 * </ol>
 * New replicas continue each (size, across value)'s replica numbers, so every added point is new
 * and a whole-axis model's run of a (size, replica) is never split between rounds.
 */
public final class Planner {
    /** Replicas a newly sampled window gets at least. */
    static final int LEAST_REPLICAS = 2;

    private Planner() {
    }

    /** The round's points, and the core-seconds they should cost. */
    public record Plan(List<PointBlock> blocks, double seconds) {
        public Plan {
            blocks = List.copyOf(blocks);
        }

        public long points() {
            return blocks.stream().mapToLong(PointBlock::count).sum();
        }
    }

    /**
     * @param budgetSeconds core-seconds the round may spend
     * @param round         the round being planned (1, 2, ...)
     */
    public static Plan plan(SweepSpec spec, AnalysisResult result, CostModel costs, double budgetSeconds, int round) {
        List<Double> open = new ArrayList<>();
        List<TargetStatus> statuses = Precision.of(spec, result);
        for (Double a : Precision.acrossValues(spec)) {
            if (statuses.stream().anyMatch(s -> Objects.equals(s.acrossValue(), a) && !s.met())) {
                open.add(a);
            }
        }
        List<PointBlock> blocks = new ArrayList<>();
        double seconds = 0;
        for (Double a : open) {
            Allocation alloc = allocate(spec, result, costs, budgetSeconds / open.size(), a);
            seconds += alloc.seconds;
            for (Map.Entry<Integer, Integer> e : alloc.replicas.entrySet()) {
                int size = e.getKey();
                blocks.add(new PointBlock(round, size, nextReplica(spec, size, a), e.getValue(),
                        values(spec, size, a, alloc.windows.get(size))));
            }
        }
        return new Plan(blocks, seconds);
    }

    /** Replicas per size (ascending) at one across value, with each size's window values. */
    private static final class Allocation {
        final Map<Integer, Integer> replicas = new java.util.TreeMap<>();
        final Map<Integer, double[]> windows = new LinkedHashMap<>();
        double seconds;
    }

    private static Allocation allocate(SweepSpec spec, AnalysisResult result, CostModel costs, double share, Double a) {
        Steering steer = Steering.of(spec, result, a);
        Axis control = spec.axis(spec.analysis().control());
        TreeSet<Integer> sizes = new TreeSet<>(spec.sizes());
        spec.added().forEach(b -> sizes.add(b.size()));
        if (steer.sysDominates()) {
            spec.refine().sizesAllowed().stream().filter(s -> !sizes.contains(s)).sorted().findFirst().ifPresent(sizes::add);
        }
        Allocation alloc = new Allocation();
        Map<Integer, SizeVariance> variance = new LinkedHashMap<>();
        Map<Integer, Double> unitCost = new LinkedHashMap<>();
        for (int size : sizes) {
            double[] range = range(spec, control, size);
            double[] window = ScalingWindow.values(steer.xc(), steer.nu(), steer.widen(), size, range[0], range[1]);
            if (window.length == 0) {
                continue;
            }
            alloc.windows.put(size, window);
            variance.put(size, SizeVariance.of(spec, result.points(), size, a, steer.xc(),
                    ScalingWindow.bounds(steer.xc(), steer.nu(), steer.widen(), size), window));
            unitCost.put(size, window.length * costs.secondsPerPoint(size));
        }
        int first = Math.max(LEAST_REPLICAS, spec.replicas());
        for (int size : alloc.windows.keySet()) {
            if (!variance.get(size).sampled() && alloc.seconds + first * unitCost.get(size) <= share) {
                alloc.replicas.put(size, first);
                alloc.seconds += first * unitCost.get(size);
            }
        }
        List<SizeVariance> modelled = new ArrayList<>();
        for (int size : alloc.windows.keySet()) {
            SizeVariance v = variance.get(size);
            if (v.measured() && v.replicas() + alloc.replicas.getOrDefault(size, 0) >= 1) {
                modelled.add(v);
            }
        }
        VarianceModel model = new VarianceModel(modelled, spec.analysis().crossing() != null, steer.nu());
        double[] n = new double[modelled.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = modelled.get(i).replicas() + alloc.replicas.getOrDefault(modelled.get(i).size(), 0);
        }
        // systematic errors (corrections to scaling, a drifting crossing) shrink with size, not with
        // replicas: then only the larger half of the sizes may have more
        int smallest = steer.sysDominates() ? sizes.stream().sorted().skip(sizes.size() / 2).findFirst().orElse(0) : 0;
        while (true) {
            double now = model.variance(n);
            int pick = -1;
            double bestGain = 0;
            for (int i = 0; i < n.length; i++) {
                double cost = unitCost.get(modelled.get(i).size());
                if (alloc.seconds + cost > share || modelled.get(i).size() < smallest) {
                    continue;
                }
                n[i]++;
                double gain = (now - model.variance(n)) / cost;
                n[i]--;
                if (gain > bestGain) {
                    bestGain = gain;
                    pick = i;
                }
            }
            if (pick < 0) {
                return alloc;
            }
            n[pick]++;
            alloc.replicas.merge(modelled.get(pick).size(), 1, Integer::sum);
            alloc.seconds += unitCost.get(modelled.get(pick).size());
        }
    }

    /** The control axis' range at a size: the smallest and largest value the sweep file gives it. */
    private static double[] range(SweepSpec spec, Axis control, int size) {
        double[] v = control.values(spec.sizes().contains(size) ? size : spec.sizes().get(spec.sizes().size() - 1));
        return new double[]{Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow()};
    }

    /** The first replica number no point of (size, across value) has yet. */
    static int nextReplica(SweepSpec spec, int size, Double a) {
        String across = spec.analysis().across();
        int next = spec.sizes().contains(size) ? spec.replicas() : 0;
        for (PointBlock b : spec.added()) {
            if (b.size() == size && (across == null || b.values().get(across).contains(a))) {
                next = Math.max(next, b.firstReplica() + b.replicas());
            }
        }
        return next;
    }

    /** A block's values: the window on the control axis, the across value, every value of any other axis. */
    private static Map<String, List<Double>> values(SweepSpec spec, int size, Double a, double[] window) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        int at = spec.sizes().contains(size) ? size : spec.sizes().get(spec.sizes().size() - 1);
        for (Axis axis : spec.axes()) {
            if (axis.name().equals(spec.analysis().control())) {
                values.put(axis.name(), Arrays.stream(window).boxed().toList());
            } else if (axis.name().equals(spec.analysis().across())) {
                values.put(axis.name(), List.of(a));
            } else {
                values.put(axis.name(), Arrays.stream(axis.values(at)).boxed().toList());
            }
        }
        return values;
    }
}
