package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.Crossing;
import io.phasesweep.engine.fss.Curve;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.run.MeasuredCost;
import io.phasesweep.engine.sweep.AnalysisMethod;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.RefineSpec;
import io.phasesweep.engine.sweep.PointBlock;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Plans a refinement round: the points it adds, as new replicas of each size over that size's
 * {@link ScalingWindow} under the current estimates ({@link Steering}). Each across value whose
 * targets are not met is refined on its own, with an equal share of the round's core-seconds:
 * <ol>
 *   <li>where a target's estimate is flagged under_resolved, a size whose curve jumps across a grid
 *       interval next to it gets values inside that interval ({@link Gaps}), as many replicas as
 *       its window's values have (so the crossing's local cubics there are as precise as its
 *       neighbours), largest sizes first, whether or not the size waits; from then on its window
 *       keeps them: a window's values are its grid's and every value measured within its span;</li>
 *   <li>a size whose scaling half-width is below x_c's uncertainty waits ({@link ScalingWindow#resolved}),
 *       but for the smallest such size not yet sampled unless a size below gets its first window: it would spend its (dearest) points outside
 *       its critical region, and smaller sizes locate x_c first; a size of {@code sizes_allowed}
 *       joins the same ladder, and the next one also when systematic errors dominate a target
 *       (corrections to scaling shrink with size, not with replicas);</li>
 *   <li>a size fewer than four of whose window values are measured first gets the sweep's replica count
 *       (at least 2) over it, largest sizes first, as far as the share allows;</li>
 *   <li>unless the grid's resolution limits x_c, the values each size's estimates read
 *       ({@link ReadPoints}: what the analysis' cubics read at x_c and its pair crossings) are raised to one replica count,
 *       first to {@link #READ_REPLICAS} (largest sizes first), then a count at a time at the size
 *       where that lowers the aimed targets' variances most per core-second (the critical value's
 *       {@link VarianceModel}; an exponent fitted size by size, its {@link ExponentVariance}; priced
 *       by the {@link MeasuredCost} of each point), until the models say each aimed target is met
 *       with a margin ({@link #enough}): the critical value alone until it is met, then the unmet
 *       targets (all of them in a round that confirms them); while sizes wait, only until x_c is located
 *       for the next one or its target is met. While x_c is {@link #uncertain} for a size, its read
 *       values are every measured value of its window instead; no size's exceed {@link #LEVEL_RATIO}
 *       times the next larger size's replicas. When systematic errors dominate a target, only the
 *       larger half of the sizes count for that target.</li>
 * </ol>
 * New replicas continue each (size, across value)'s replica numbers, so every added point is new
 * and a whole-axis model's run of a (size, replica) is never split between rounds.
 */
public final class Planner {
    /**
     * Replicas a newly sampled window gets at least: the fewest whose crossings the analysis reads
     * without flagging them {@code few_replicas} (with 3, the 2D Ising benchmark's round 3 sampled
     * L = 32–96's windows and its crossing was flagged, or before the flag published −3.9σ).
     */
    static final int LEAST_REPLICAS = Crossing.FEW_REPLICAS;
    /**
     * Replicas every read value of a size gets at least ({@link ReadPoints}): a Poisson bootstrap
     * over n replicas gives a point's mean (n − 1)/n of its variance, so the pair crossings' χ² is
     * n/(n − 1) too large on average (1.5 at 3 replicas, 1.2 at 6, 1.1 at 10), and the variance
     * estimate itself scatters by about √(2/(n − 1)); a crossing read off 1–2 replicas passes no χ²
     * test. At 6, ising2d-refine's crossing passed with p = 0.02 (drift) and 0.011 (constant); the
     * uniform 2D Ising sweep's 10 replicas per point pass them.
     */
    static final int READ_REPLICAS = 10;

    private Planner() {
    }

    /**
     * The round's points, the core-seconds they should cost, and what steered them (one line per
     * refined across value, for the console).
     */
    public record Plan(List<PointBlock> blocks, double seconds, List<String> steering) {
        public Plan {
            blocks = List.copyOf(blocks);
            steering = List.copyOf(steering);
        }

        public long points() {
            return blocks.stream().mapToLong(PointBlock::count).sum();
        }
    }

    /**
     * A first round after the sweep as written, numbering replicas as for a whole-axis model.
     *
     * @param budgetSeconds core-seconds the round may spend
     * @param round         the round being planned (1, 2, ...)
     */
    public static Plan plan(SweepSpec spec, AnalysisResult result, MeasuredCost costs, double budgetSeconds, int round) {
        return plan(spec, result, costs, budgetSeconds, round, List.of(), ReplicaNumbering.PER_SIZE);
    }

    /**
     * @param earlier   the targets after each earlier round, in order ({@link Steering}: an earlier
     *                  best critical value steers a round whose analysis has none)
     * @param numbering how the new replicas are numbered ({@link ReplicaNumbering#of})
     */
    public static Plan plan(SweepSpec spec, AnalysisResult result, MeasuredCost costs, double budgetSeconds, int round,
                            List<List<TargetStatus>> earlier, ReplicaNumbering numbering) {
        List<Double> open = new ArrayList<>();
        List<TargetStatus> statuses = Precision.of(spec, result);
        for (Double a : Precision.acrossValues(spec)) {
            if (statuses.stream().anyMatch(s -> Objects.equals(s.acrossValue(), a) && !s.met())) {
                open.add(a);
            }
        }
        if (open.isEmpty()) {
            // every target met, but a value not yet steady (Stop): a round to confirm it, as small as
            // the variance model allows (enough)
            open.addAll(Precision.acrossValues(spec));
        }
        List<PointBlock> blocks = new ArrayList<>();
        List<String> steering = new ArrayList<>();
        double seconds = 0;
        for (Double a : open) {
            Allocation alloc = allocate(spec, result, costs, budgetSeconds / open.size(), a, earlier);
            seconds += alloc.seconds;
            steering.add((a == null ? "" : spec.analysis().across() + " " + a + ": ") + alloc.steering.describe()
                    + (alloc.gaps.isEmpty() ? "" : "; filling jumps: " + describe(alloc.gaps))
                    + (alloc.waiting.isEmpty() ? "" : "; sizes waiting for a narrower x_c: " + alloc.waiting));
            TreeSet<Integer> sizes = new TreeSet<>(alloc.catchUp.keySet());
            sizes.addAll(alloc.sample.keySet());
            sizes.addAll(alloc.topUp.keySet());
            for (int size : sizes) {
                int sizeNext = nextReplica(spec, size, a);
                Map<Double, Integer> valueNext = new HashMap<>();
                for (Map.Entry<List<Double>, Integer> block : alloc.blocks(size)) {
                    int n = block.getValue();
                    // values whose new replicas start at the same number share a block
                    TreeMap<Integer, List<Double>> byFirst = new TreeMap<>();
                    for (double x : block.getKey()) {
                        int first = numbering == ReplicaNumbering.PER_SIZE ? sizeNext
                                : valueNext.computeIfAbsent(x, v -> replicasAt(spec, size, a, v));
                        byFirst.computeIfAbsent(first, f -> new ArrayList<>()).add(x);
                        valueNext.put(x, first + n);
                    }
                    sizeNext += n;
                    byFirst.forEach((first, xs) -> blocks.add(new PointBlock(round, size, first, n,
                            values(spec, size, a, xs.stream().mapToDouble(Double::doubleValue).toArray()))));
                }
            }
        }
        return new Plan(blocks, seconds, steering);
    }

    /**
     * The variance model a round ranks the replicas at across value {@code a} by, given the share
     * of core-seconds it may spend there; null when the grid limits x_c. (What the model pairs is
     * not visible in the plan, and the pairs must be the analysis'.)
     */
    static VarianceModel model(SweepSpec spec, AnalysisResult result, MeasuredCost costs, double share, Double a) {
        return allocate(spec, result, costs, share, a, List.of()).model;
    }

    /** The points one across value gets: per size, blocks of (values, replicas). */
    private static final class Allocation {
        /** Size → its window's values, for the sizes that do not wait. */
        final Map<Integer, double[]> windows = new LinkedHashMap<>();
        /** Sizes whose curve jumps next to a flagged estimate: the values inside the jumps... */
        final Map<Integer, double[]> gaps = new TreeMap<>();
        /** ...and the replicas they get, first. */
        final Map<Integer, Integer> catchUp = new TreeMap<>();
        /** Sizes whose window is not sampled yet: the replicas each of its values gets. */
        final Map<Integer, Integer> sample = new TreeMap<>();
        /** Size → read value → the replicas it gets to reach the size's level. */
        final Map<Integer, Map<Double, Integer>> topUp = new TreeMap<>();
        final List<Integer> waiting = new ArrayList<>();
        Steering steering;
        /** The variance model the replicas were ranked by; null when the grid limits x_c and no replicas are ranked. */
        VarianceModel model;
        double seconds;

        /** The size's blocks, in order: the jump's values, the window, the read values by how many they lack. */
        List<Map.Entry<List<Double>, Integer>> blocks(int size) {
            List<Map.Entry<List<Double>, Integer>> out = new ArrayList<>();
            if (catchUp.containsKey(size)) {
                out.add(Map.entry(Arrays.stream(gaps.get(size)).boxed().toList(), catchUp.get(size)));
            }
            if (sample.containsKey(size)) {
                out.add(Map.entry(Arrays.stream(windows.get(size)).boxed().toList(), sample.get(size)));
            }
            TreeMap<Integer, List<Double>> byCount = new TreeMap<>(java.util.Comparator.reverseOrder());
            topUp.getOrDefault(size, Map.of()).forEach((v, n) -> {
                if (n > 0) {
                    byCount.computeIfAbsent(n, k -> new ArrayList<>()).add(v);
                }
            });
            byCount.forEach((n, values) -> out.add(Map.entry(values.stream().sorted().toList(), n)));
            return out;
        }
    }

    /**
     * One size's read values ({@link ReadPoints}) and their replicas after the round's jump and
     * window blocks, raised to one level together.
     */
    private static final class Read {
        final TreeMap<Double, Integer> have;
        final TreeMap<Double, Double> seconds;
        /** The values the analysis' cubic reads at x_c among them, the stencil of the variance model's gain. */
        final java.util.SortedSet<Double> atXc;
        int level;

        Read(TreeMap<Double, Integer> have, TreeMap<Double, Double> seconds, java.util.SortedSet<Double> atXc) {
            this.have = have;
            this.seconds = seconds;
            this.atXc = atXc;
            this.level = have.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        }

        /** Core-seconds that raise every read value to {@code to} replicas from the present level. */
        double cost(int to) {
            double c = 0;
            for (var e : have.entrySet()) {
                c += (Math.max(0, to - e.getValue()) - Math.max(0, level - e.getValue())) * seconds.get(e.getKey());
            }
            return c;
        }

        /**
         * The replicas of the read values at a level as one count: the mean of each value's
         * max(replicas, level), the count that gives the analysis' cubics, fitted with the values
         * weighted by their replicas, about their variance. The level itself, the fewest replicas of
         * any read value, would have the model see a size whose values have 319 replicas and one 10
         * as a size of 10, and price raising that one value as if it gave every value 30 times its
         * replicas (the perceptron's rounds 5 and 6 then bought 85 and 202 points with 235 of 300
         * core-s left and its error above the target).
         */
        double effective(int at) {
            return have.values().stream().mapToDouble(n -> Math.max(n, at)).average().orElse(0);
        }

        Map<Double, Integer> extra() {
            Map<Double, Integer> out = new TreeMap<>();
            have.forEach((v, n) -> out.put(v, Math.max(0, level - n)));
            return out;
        }
    }

    /**
     * A target's variance as a function of the replicas per modelled size, the variance at which
     * it is met: {@code fraction} of its variance before the round ({@link #enough}), or 0 (every
     * replica the share affords) when the model cannot yet say what it is; and the smallest size
     * whose replicas count for it.
     */
    private record Aim(ToDoubleFunction<double[]> variance, double goal, int smallest) {
        static Aim of(ToDoubleFunction<double[]> variance, double fraction, double[] before, int smallest) {
            double now = variance.applyAsDouble(before);
            return new Aim(variance, Double.isFinite(now) ? fraction * now : 0, smallest);
        }

        /**
         * The variance that raising index i's count to {@code next} (its size's read values one
         * level up, {@link Read#effective}) removes from {@code now}, the variance at n, relative to
         * the goal (so that targets of different quantities add); nothing once the target is met.
         */
        double gain(double[] n, int i, double next, double now) {
            if (now <= goal) {
                return 0;
            }
            double was = n[i];
            n[i] = next;
            double removed = now - variance.applyAsDouble(n);
            n[i] = was;
            // (infinite while the replica is what first determines it; never NaN, which would void the other aims)
            return removed > 0 ? removed / (goal > 0 ? goal : 1) : 0;
        }
    }

    private static Allocation allocate(SweepSpec spec, AnalysisResult result, MeasuredCost costs, double share, Double a,
                                       List<List<TargetStatus>> earlier) {
        Steering steer = Steering.of(spec, result, a, earlier);
        Axis control = spec.axis(spec.analysis().control());
        boolean log = log(spec);
        TreeSet<Integer> sizes = new TreeSet<>(spec.sizes());
        spec.added().forEach(b -> sizes.add(b.size()));
        // sizes_allowed: the next one joins when systematic errors dominate a target (corrections to
        // scaling shrink with size, not with replicas); every one joins the ladder once x_c is
        // located within its own scaling window (below), so a sweep may start on its small sizes
        // and leave the dear coarse points of the large ones out
        TreeSet<Integer> allowed = new TreeSet<>(spec.refine().sizesAllowed());
        allowed.removeAll(sizes);
        if (steer.sysDominates() && !allowed.isEmpty()) {
            sizes.add(allowed.pollFirst());
        }
        TreeSet<Integer> ladder = new TreeSet<>(sizes);
        ladder.addAll(allowed);
        Allocation alloc = new Allocation();
        alloc.steering = steer;
        Gaps.Fill flagged = Gaps.of(spec, result, a);
        Map<Integer, double[]> gaps = new TreeMap<>(flagged.jumps());
        Map<Integer, Curve> curves = ReadPoints.curves(spec, result.points(), a);
        Map<Integer, SizeVariance> variance = new LinkedHashMap<>();
        // a size whose scaling half-width is below x_c's uncertainty waits for smaller sizes to
        // locate x_c, but for the smallest of them not yet sampled: a ladder that climbs a size a
        // round, not a stall (small sizes alone can keep x_c uncertain: their crossings drift)
        boolean climbing = true;
        boolean firstWindowBelow = false;
        for (int size : ladder) {
            if (allowed.contains(size) && !(climbing && ScalingWindow.resolved(steer, size))) {
                alloc.waiting.add(size);
                climbing = false;
                continue;
            }
            double[] range = range(spec, control, size);
            double[] grid = ScalingWindow.values(steer, size, range[0], range[1], log);
            if (!log && curves.containsKey(size)) {
                grid = ScalingWindow.finer(grid, steer, curves.get(size).width(), range[0], range[1]);
            }
            // every size's data near x_c, a waiting one's too: the variance model pairs the sizes as
            // the analysis will, and that pairs a waiting size's points with its neighbours'
            if (grid.length > 0) {
                variance.put(size, SizeVariance.of(spec, result.points(), size, a, steer.xc(), steer.nu(),
                        ScalingWindow.bounds(steer, size, log), grid));
            }
            // a size whose curve jumps next to the estimate fills the jump even while it waits: the
            // jump is its transition (but a waiting size's window is not sampled yet)
            if (!climbing && !gaps.containsKey(size)) {
                alloc.waiting.add(size);
                continue;
            }
            if (grid.length == 0) {
                continue;
            }
            boolean resolved = ScalingWindow.resolved(steer, size);
            boolean sampled = variance.get(size).sampled();
            // the first size x_c is not located for waits while a size below it gets its first
            // window: that, far cheaper, locates x_c better, and its own window, set by x_c's
            // uncertainty, would mostly miss its critical region (a 2D Ising benchmark's round 1
            // spent half its core-seconds on L = 64 at T = 2.10-2.40 while L = 16-48 got theirs).
            // A size below with earlier rounds' points whose window moved does not hold it: the
            // perceptron's ladder then stalled on N = 25 for two rounds (x_c 1.98 ± 0.05)
            if (!climbing || !resolved && !sampled && firstWindowBelow) {
                alloc.waiting.add(size);
                climbing = false;
                continue;
            }
            alloc.windows.put(size, withMeasured(spec, result.points(), size, a, grid, gaps.get(size)));
            climbing = resolved || sampled;
            firstWindowBelow |= !sampled && !refined(spec, size, a);
        }
        Set<Integer> sampled = variance.values().stream().filter(SizeVariance::sampled).map(SizeVariance::size)
                .collect(Collectors.toSet());
        if (flagged.coarse()) {
            // a flagged crossing without a jump next to it: the coarse intervals holding a pair
            // crossing, at the sizes with a window only (not a waiting one) and within it
            Map<Integer, double[]> windows = new TreeMap<>();
            alloc.windows.keySet().forEach(size -> windows.put(size, ScalingWindow.bounds(steer, size, log)));
            Gaps.coarseCrossings(curves, sampled, windows, flagged.poorFit()).forEach((size, values) -> {
                TreeSet<Double> all = new TreeSet<>(values);
                Arrays.stream(gaps.getOrDefault(size, new double[0])).forEach(all::add);
                gaps.put(size, all.stream().mapToDouble(Double::doubleValue).toArray());
            });
        }
        int first = Math.max(LEAST_REPLICAS, spec.replicas());
        // a jump first, largest sizes first: its values catch up with the replicas of the window's
        for (int size : new TreeSet<>(gaps.keySet()).descendingSet()) {
            if (!variance.containsKey(size)) {
                continue;
            }
            double perReplica = seconds(spec, costs, size, a, gaps.get(size));
            long want = Math.max(first, Math.round(variance.get(size).replicas()));
            int n = (int) Math.min(want, Math.floor((share - alloc.seconds) / perReplica));
            if (n >= LEAST_REPLICAS) {
                alloc.gaps.put(size, gaps.get(size));
                alloc.catchUp.put(size, n);
                alloc.seconds += n * perReplica;
            }
        }
        // the largest sizes first: they pin the estimate, and the smallest ones cost least to add later
        for (int size : new TreeSet<>(alloc.windows.keySet()).descendingSet()) {
            double perReplica = seconds(spec, costs, size, a, alloc.windows.get(size));
            if (!variance.get(size).sampled() && alloc.seconds + first * perReplica <= share) {
                alloc.sample.put(size, first);
                alloc.seconds += first * perReplica;
            }
        }
        // an x_c limited by the grid rather than by replicas gains nothing from replicas: the round
        // samples the windows only
        if (steer.gridLimited()) {
            return alloc;
        }
        TreeMap<Integer, Read> reads = reads(spec, result, costs, alloc, steer, a, curves, sampled);
        // every size's read values at one level, at least READ_REPLICAS: honest pair crossings
        // first (largest sizes first), whatever the variance model prefers
        int floor = Math.max(READ_REPLICAS, spec.replicas());
        for (int size : new TreeSet<>(reads.keySet()).descendingSet()) {
            Read read = reads.get(size);
            double cost = read.cost(Math.max(floor, read.level));
            if (alloc.seconds + cost <= share) {
                alloc.seconds += cost;
                read.level = Math.max(floor, read.level);
            }
        }
        // the model holds every size the next analysis pairs, consecutive among the sizes with points
        // after the round (review F2: it held the sizes with read values only, and paired L = 16 with
        // 64 while 32 waited with points of its own); a size without read values keeps its replicas,
        // and its pairs count only if its window is sampled
        TreeSet<Integer> paired = new TreeSet<>(joining(alloc));
        paired.addAll(curves.keySet());
        result.points().stream().filter(p -> p.replicas() >= 1 && (spec.analysis().across() == null
                || p.params().real(spec.analysis().across()) == a)).forEach(p -> paired.add(p.size()));
        List<SizeVariance> modelled = new ArrayList<>();
        List<Double> fixed = new ArrayList<>();
        for (int size : paired) {
            SizeVariance data = nearestMeasured(variance, size);
            Read read = reads.get(size);
            if (!variance.containsKey(size) || data == null || read != null && read.level < 1) {
                // a size the model cannot read stays in its list as not sampled, contributing
                // nothing: the model pairs neighbours in its list, and dropping the size would pair
                // the sizes on either side of it, which the analysis never does (review F9)
                modelled.add(SizeVariance.unread(size));
                fixed.add(Double.NaN);
                continue;
            }
            if (read != null) {
                // a size with read values has its window, sampled in the round if it was not
                modelled.add(variance.get(size).reading(data, read.atXc, steer.xc(), true));
                fixed.add(Double.NaN);
                continue;
            }
            TreeSet<Double> measured = new TreeSet<>(measuredReplicas(spec, result, size, a).keySet());
            TreeSet<Double> stencil = ReadPoints.of(curves.get(size), measured, List.of(steer.xc()));
            modelled.add(variance.get(size).reading(data, stencil, steer.xc(), variance.get(size).sampled()));
            fixed.add(measuredLevel(spec, result, size, a, stencil).orElse(Double.NaN));
        }
        Double omega = spec.analysis().omega();
        VarianceModel model = new VarianceModel(modelled, spec.analysis().crossing() != null, steer.nu(),
                omega == null ? Double.NaN : 1 / steer.nu() + omega);
        alloc.model = model;
        double[] n = new double[modelled.size()];
        double[] before = new double[modelled.size()];
        for (int i = 0; i < n.length; i++) {
            Read read = reads.get(modelled.get(i).size());
            n[i] = read == null ? fixed.get(i) : read.effective(read.level);
            before[i] = read == null ? n[i]
                    : measuredLevel(spec, result, modelled.get(i).size(), a, read.have.keySet()).orElse(read.effective(read.level));
        }
        // the critical value first: its model is the crossings'; once it is met, the unmet targets
        // (all of them in a round that confirms them), an exponent by its own model where the
        // analysis fits it size by size (the lever arm of every size, not the crossings' largest pairs)
        Set<String> criticalValue = Set.of(RefineSpec.CRITICAL_VALUE);
        List<TargetStatus> statuses = Precision.of(spec, result).stream().filter(t -> Objects.equals(t.acrossValue(), a)).toList();
        boolean criticalValueMet = statuses.stream().noneMatch(t -> t.quantity().equals(RefineSpec.CRITICAL_VALUE) && !t.met());
        double fraction = enough(spec, result, a, criticalValue);
        if (!alloc.waiting.isEmpty()) {
            // while sizes wait, the sizes already in buy replicas only until x_c is located within
            // the next waiting size's window, or its target met if that asks for less: an exponent
            // needs every size's lever arm, and a round's whole share spent on the small sizes
            // would be gone before the large ones join
            double needed = ScalingWindow.tolerated(steer, alloc.waiting.get(0));
            // (without a critical value target, locating x_c is all: enough() of no target is 1, nothing)
            double toTarget = spec.refine().target().containsKey(RefineSpec.CRITICAL_VALUE) ? fraction : 0;
            fraction = Math.max(MARGIN * Math.min(1, Math.pow(needed / steer.xcError(), 2)), toTarget);
        }
        // systematic errors (corrections to scaling, a drifting crossing) shrink with size, not with
        // replicas: a target whose best row's systematic error exceeds its statistical one gains
        // only from the larger half of the sizes
        TreeSet<Integer> present = new TreeSet<>(sizes);
        present.addAll(alloc.windows.keySet());
        int largerHalf = present.stream().skip(present.size() / 2).findFirst().orElse(0);
        List<Aim> aims = new ArrayList<>();
        if (!criticalValueMet || !alloc.waiting.isEmpty()) {
            aims.add(Aim.of(model::variance, fraction, before,
                    Precision.sysDominates(result, RefineSpec.CRITICAL_VALUE, a) ? largerHalf : 0));
        } else {
            // a met critical value's aim would spend the round on the largest pairs, which an
            // exponent's lever arm gains little from
            boolean allMet = statuses.stream().allMatch(TargetStatus::met);
            ExponentVariance exponents = new ExponentVariance(modelled, omega == null ? Double.NaN : omega);
            for (TargetStatus t : statuses) {
                if (t.met() && !allMet) {
                    continue;
                }
                String q = t.quantity();
                // an exponent from a collapse, or one the sizes do not determine yet, is aimed at
                // through the crossings' model, as every target was until 2026-12-06
                ToDoubleFunction<double[]> of = fittedPerSize(spec, q) && Double.isFinite(exponents.variance(before))
                        ? exponents::variance : model::variance;
                aims.add(Aim.of(of, enough(spec, result, a, Set.of(q)), before, Precision.sysDominates(result, q, a) ? largerHalf : 0));
            }
        }
        while (true) {
            double[] now = aims.stream().mapToDouble(aim -> aim.variance().applyAsDouble(n)).toArray();
            boolean met = true;
            for (int k = 0; k < now.length; k++) {
                met &= now[k] <= aims.get(k).goal();
            }
            if (met) {
                break;
            }
            int pick = -1;
            double bestGain = 0;
            for (int i = 0; i < n.length; i++) {
                Read read = reads.get(modelled.get(i).size());
                if (read == null) {
                    continue;
                }
                double cost = read.cost(read.level + 1);
                if (alloc.seconds + cost > share || capped(reads, modelled.get(i).size())) {
                    continue;
                }
                double gain = 0;
                double next = read.effective(read.level + 1);
                for (int k = 0; k < now.length; k++) {
                    gain += modelled.get(i).size() < aims.get(k).smallest() ? 0 : aims.get(k).gain(n, i, next, now[k]);
                }
                gain /= cost;
                if (gain > bestGain) {
                    bestGain = gain;
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            Read read = reads.get(modelled.get(pick).size());
            alloc.seconds += read.cost(read.level + 1);
            read.level++;
            n[pick] = read.effective(read.level);
        }
        reads.forEach((size, read) -> alloc.topUp.put(size, read.extra()));
        return alloc;
    }

    /** Whether the analysis fits the exponent from one quantity per size (slope, peak, at-critical), as {@link ExponentVariance} models it. */
    private static boolean fittedPerSize(SweepSpec spec, String quantity) {
        return spec.analysis().exponents().stream().anyMatch(e -> e.quantity().equals(quantity)
                && (e.method() == AnalysisMethod.SLOPE || e.method() == AnalysisMethod.PEAK || e.method() == AnalysisMethod.AT_CRITICAL));
    }

    /**
     * The size's data near x_c, or when it has none yet (its first window is planned in the round,
     * or its points near x_c have fewer than two replicas) the nearest measured size's; null when no
     * size is measured.
     */
    private static SizeVariance nearestMeasured(Map<Integer, SizeVariance> variance, int size) {
        return variance.values().stream().filter(SizeVariance::measured)
                .min(java.util.Comparator.comparingDouble(v -> Math.abs(Math.log((double) v.size() / size)))).orElse(null);
    }

    /**
     * Whether a size's read values are at {@link #LEVEL_RATIO} times the replicas of the next larger
     * size's already (each as one count, {@link Read#effective}). The variance model combines the pair crossings as the analysis' constant does,
     * by inverse variance, so cheap small sizes alone can make it small; but the analysis also tests
     * whether the pairs drift with size, and a drift is seen only against the large pairs' errors.
     * The perceptron's refinement gave N = 25–100 269–1015 replicas per read value and N = 200 10:
     * N = 200's curve (±0.16 per value) crossed N = 100's seven times, and the best α_c, held by the
     * small pairs, ended 4σ below α_c = 2.
     */
    private static boolean capped(TreeMap<Integer, Read> reads, int size) {
        Integer larger = reads.higherKey(size);
        if (larger == null) {
            return false;
        }
        Read read = reads.get(size);
        Read next = reads.get(larger);
        return read.effective(read.level + 1) > LEVEL_RATIO * Math.max(1, next.effective(next.level));
    }

    /** A size's read values get at most this many times the replicas of the next larger size's. */
    static final int LEVEL_RATIO = 4;

    /**
     * The read values of each size with a window ({@link ReadPoints}: what the analysis' cubics read at x_c and the pair
     * crossings with its neighbours within its window's reach), among the values it has after the
     * round's jump and window blocks, with their replicas then and their cost per replica.
     */
    private static TreeMap<Integer, Read> reads(SweepSpec spec, AnalysisResult result, MeasuredCost costs, Allocation alloc,
                                                Steering steer, Double a, Map<Integer, Curve> curves, Set<Integer> sampled) {
        double reach = 0;
        for (int size : alloc.windows.keySet()) {
            double[] b = ScalingWindow.bounds(steer, size, false);
            reach = Math.max(reach, (b[1] - b[0]) / 2);
        }
        Map<Integer, List<Double>> crossings = spec.analysis().crossing() == null ? Map.of()
                : ReadPoints.pairCrossings(curves, sampled, joining(alloc), steer.xc(), reach);
        TreeMap<Integer, Read> out = new TreeMap<>();
        for (int size : alloc.windows.keySet()) {
            TreeMap<Double, Integer> have = new TreeMap<>(measuredReplicas(spec, result, size, a));
            if (alloc.catchUp.containsKey(size)) {
                Arrays.stream(alloc.gaps.get(size)).forEach(v -> have.merge(v, alloc.catchUp.get(size), Integer::sum));
            }
            if (alloc.sample.containsKey(size)) {
                Arrays.stream(alloc.windows.get(size)).forEach(v -> have.merge(v, alloc.sample.get(size), Integer::sum));
            }
            if (have.isEmpty()) {
                continue;
            }
            // a window sampled only now: its measured curve is the coarse one, whose stencil
            // reaches far from x_c, so the values nearest it, planned or measured (the 2D Ising
            // benchmark's L = 64 topped up T = 2.0 and 2.15 so in the round its window was sampled)
            Curve curve = sampled.contains(size) ? curves.get(size) : null;
            TreeSet<Double> atXc = ReadPoints.of(curve, new TreeSet<>(have.keySet()), List.of(steer.xc()));
            TreeSet<Double> values;
            if (uncertain(steer, alloc, size)) {
                // the window's bounds, not its grid's span: a round-number grid may span less
                double[] b = ScalingWindow.bounds(steer, size, log(spec));
                double[] window = alloc.windows.get(size);
                values = new TreeSet<>(have.subMap(Math.min(b[0], window[0]), true, Math.max(b[1], window[window.length - 1]), true)
                        .keySet());
            } else {
                values = ReadPoints.of(curve, new TreeSet<>(have.keySet()), crossings.getOrDefault(size, List.of()));
                values.addAll(atXc);
            }
            TreeMap<Double, Integer> read = new TreeMap<>();
            TreeMap<Double, Double> seconds = new TreeMap<>();
            for (double v : values) {
                read.put(v, have.get(v));
                seconds.put(v, seconds(spec, costs, size, a, new double[]{v}));
            }
            out.put(size, new Read(read, seconds, atXc));
        }
        return out;
    }

    /** The sizes that get their first points in the round's jump or window blocks, or more points there. */
    private static Set<Integer> joining(Allocation alloc) {
        Set<Integer> out = new TreeSet<>(alloc.sample.keySet());
        out.addAll(alloc.catchUp.keySet());
        return out;
    }

    /**
     * Whether x_c is too uncertain for the size's read values to be the ones nearest it: without a
     * best row in this round (the methods' midpoint is a guess; an earlier round's best, which this
     * round's data flagged away, may be off by more than its error), while sizes wait for a narrower x_c, or when the
     * size's window is x_c's uncertainty rather than its own scaling width. Its replicas then go to
     * every value of its window, so whichever x_c the data settle on, the values around it are as
     * precise as the rest. (perceptron-refine: early best rows 1.82 ± 0.037 and 1.86 ± 0.037, 4–5σ
     * below α_c = 2, drew 505 replicas per value at N = 25 and 1238 at N = 50 to α = 1.85–1.95, while
     * the values at 2.0 kept 12–16; the analysis found no crossing of N = 50 and 100 there, and the
     * refinement ended without a best row.)
     */
    private static boolean uncertain(Steering steer, Allocation alloc, int size) {
        return !steer.source().equals(Steering.BEST) || !alloc.waiting.isEmpty()
                || ScalingWindow.ERRORS * steer.xcError() >= ScalingWindow.scaling(steer, size);
    }

    /** Control value → the replicas measured there at the size (the fewest over any other axis' values). */
    private static Map<Double, Integer> measuredReplicas(SweepSpec spec, AnalysisResult result, int size, Double a) {
        String control = spec.analysis().control();
        String across = spec.analysis().across();
        Map<Double, Integer> out = new TreeMap<>();
        for (PointRow p : result.points()) {
            if (p.size() == size && p.replicas() >= 1 && (across == null || p.params().real(across) == a)) {
                out.merge(p.params().real(control), p.replicas(), Math::min);
            }
        }
        return out;
    }

    /** The replicas measured at the values as one count ({@link Read#effective}), when any is measured. */
    private static java.util.OptionalDouble measuredLevel(SweepSpec spec, AnalysisResult result, int size, Double a,
                                                          java.util.Set<Double> values) {
        Map<Double, Integer> measured = measuredReplicas(spec, result, size, a);
        return values.stream().filter(measured::containsKey).mapToDouble(measured::get).average();
    }

    /** Core-seconds of one replica at each of the control values at a size (every value of any other axis). */
    private static double seconds(SweepSpec spec, MeasuredCost costs, int size, Double a, double[] control) {
        List<Map<String, Double>> points = List.of(new LinkedHashMap<>());
        for (Map.Entry<String, List<Double>> axis : values(spec, size, a, control).entrySet()) {
            List<Map<String, Double>> more = new ArrayList<>();
            for (Map<String, Double> p : points) {
                for (double v : axis.getValue()) {
                    Map<String, Double> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    more.add(q);
                }
            }
            points = more;
        }
        return points.stream().mapToDouble(p -> costs.seconds(SweepExpander.point(spec, p, size, 0))).sum();
    }

    /**
     * The fraction of the modelled variance at which every target among {@code quantities} is met, with {@link #MARGIN} to
     * spare (the model is rough): per target, (target² − stderr_sys²)/stderr_stat² times the margin,
     * at most the margin (a target met but not yet steady gets a small round to confirm it; a target
     * without a best row gets {@link #UNLOCATED}); the smallest over the
     * targets. The fraction applies to the target's own model: the critical value's
     * {@link VarianceModel}, an exponent's {@link ExponentVariance}; an exponent is aimed at once
     * the critical value's target is met (the planner aims at that alone before; ising2d-refine
     * once bought 3 and 15 points in rounds whose T_c was on target and ν at 6 times its target).
     * The statistical error is never aimed below {@link #LEAST_STAT_SHARE} of the target: a
     * systematic error near or above the target is a disagreement of variants that replicas do not
     * remove (and that often vanishes with the next round's data), and chasing it with replicas
     * overshot (2D Ising: a round from 0.0027 to 0.0007 against a target of 0.002, 1785 points).
     * Once the statistical error is at that floor and the systematic error alone exceeds what the
     * target leaves, 1: that target buys no replicas.
     */
    static double enough(SweepSpec spec, AnalysisResult result, Double a, java.util.Set<String> quantities) {
        double fraction = 1;
        for (Map.Entry<String, Double> t : spec.refine().target().entrySet()) {
            if (quantities.contains(t.getKey())) {
                fraction = Math.min(fraction, enough(t.getValue(), Precision.best(result, t.getKey(), a)));
            }
        }
        return fraction;
    }

    private static double enough(double target, Optional<Finding> best) {
        if (best.isEmpty()) {
            // every method flagged: the round halves the error over the whole windows (uncertain), so
            // that the checks can pass, not the whole share on a guess
            return UNLOCATED;
        }
        double stat = best.get().stderrStat();
        double sys = best.get().stderrSys();
        double floor = LEAST_STAT_SHARE * target;
        if (stat <= floor && target * target - sys * sys <= floor * floor) {
            // the statistical error is at its floor and the systematic one alone keeps the target out
            // of reach: replicas buy nothing for it
            return 1;
        }
        double room = Math.max(target * target - sys * sys, floor * floor);
        return stat > 0 ? MARGIN * Math.min(1, room / (stat * stat)) : 0;
    }

    /** The statistical error a round aims at is never below this share of the target. */
    static final double LEAST_STAT_SHARE = 0.5;

    /** The share of the variance a round aims below what the target needs. */
    static final double MARGIN = 0.7;

    /**
     * The share of the variance a round aims at while a target has no best row: its error halved.
     * (Until 2026-12-06 {@link #MARGIN}: such rounds bought 30–166 points each in the 2D Ising
     * benchmark and 1–2 core-s of the perceptron's 50 per round, and the flags stayed.)
     */
    static final double UNLOCATED = 0.25;

    /**
     * A size's window values: its grid's, the values inside its jumps, and every value measured at
     * the size within the grid's span, so that the round's replicas keep the points near x_c equally
     * precise (the crossing's local cubics read the points near x_c weighted by their replicas).
     */
    private static double[] withMeasured(SweepSpec spec, List<PointRow> points, int size, Double a,
                                         double[] grid, double[] gap) {
        TreeSet<Double> values = new TreeSet<>();
        Arrays.stream(grid).forEach(values::add);
        if (gap != null) {
            Arrays.stream(gap).forEach(values::add);
        }
        double lo = values.first();
        double hi = values.last();
        String control = spec.analysis().control();
        String across = spec.analysis().across();
        points.stream()
                .filter(p -> p.size() == size && p.replicas() >= 1 && (across == null || p.params().real(across) == a))
                .map(p -> p.params().real(control))
                .filter(x -> x >= lo && x <= hi)
                .forEach(values::add);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code L=128 [0.585, 0.59, 0.595]}, for the console. */
    private static String describe(Map<Integer, double[]> gaps) {
        return String.join(", ", gaps.entrySet().stream().map(e -> "L=" + e.getKey() + " " + Arrays.toString(e.getValue())).toList());
    }

    /** Whether the control axis is a {@code scale: log} range. */
    private static boolean log(SweepSpec spec) {
        return spec.axis(spec.analysis().control()) instanceof Axis.Range r && r.scale() == Axis.Scale.LOG;
    }

    /** The control axis' range at a size: the smallest and largest value the sweep file gives it. */
    private static double[] range(SweepSpec spec, Axis control, int size) {
        double[] v = control.values(spec.sizes().contains(size) ? size : spec.sizes().get(spec.sizes().size() - 1));
        return new double[]{Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow()};
    }

    /** Whether an earlier round added points at the size (and across value). */
    private static boolean refined(SweepSpec spec, int size, Double a) {
        String across = spec.analysis().across();
        return spec.added().stream().anyMatch(b -> b.size() == size && (across == null || b.values().get(across).contains(a)));
    }

    /** The first replica number no point of (size, across value) at control value x has yet. */
    static int replicasAt(SweepSpec spec, int size, Double a, double x) {
        String control = spec.analysis().control();
        String across = spec.analysis().across();
        int next = spec.sizes().contains(size) && Arrays.stream(spec.axis(control).values(size)).anyMatch(v -> v == x)
                ? spec.replicas() : 0;
        for (PointBlock b : spec.added()) {
            if (b.size() == size && (across == null || b.values().get(across).contains(a)) && b.values().get(control).contains(x)) {
                next = Math.max(next, b.firstReplica() + b.replicas());
            }
        }
        return next;
    }

    /** The first replica number no point of (size, across value) has yet, at any control value. */
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
