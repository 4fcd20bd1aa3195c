package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.AxisModel;
import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.ReplicaBatchModel;
import io.phasesweep.engine.model.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a spec into points in a fixed order: sizes (file order), then the product of the axes
 * (first axis outermost, values in axis order), then replicas; then the points refinement rounds
 * added ({@link PointBlock}), block by block in the same order. Keys read
 * {@code size=16|T=2.23|r=3}; a key never depends on other points, so growing a sweep (more
 * replicas, sizes or axis values) leaves existing keys and seeds unchanged.
 */
public final class SweepExpander {

    private SweepExpander() {
    }

    public static List<Point> points(SweepSpec spec) {
        List<Point> out = new ArrayList<>();
        for (Part part : parts(spec)) {
            for (long combo = 0; combo < part.combinations(); combo++) {
                Map<String, Double> values = part.values(spec, combo);
                for (int r = 0; r < part.replicas(); r++) {
                    out.add(point(spec, values, part.size(), part.firstReplica() + r));
                }
            }
        }
        return out;
    }

    /** The number of points, {@code points(spec).size()}, without expanding them. */
    public static long count(SweepSpec spec) {
        long total = 0;
        for (Part part : parts(spec)) {
            total += part.combinations() * part.replicas();
        }
        return total;
    }

    /**
     * Point {@code index} of {@link #points}, without expanding the others: for a sweep too large to
     * hold as a list (a benchmark, or a task that makes its own share of the points).
     */
    public static Point point(SweepSpec spec, long index) {
        long rest = index;
        for (Part part : parts(spec)) {
            long inPart = part.combinations() * part.replicas();
            if (rest >= inPart) {
                rest -= inPart;
                continue;
            }
            return point(spec, part.values(spec, rest / part.replicas()), part.size(),
                    part.firstReplica() + (int) (rest % part.replicas()));
        }
        throw new IndexOutOfBoundsException("point " + index + " of a sweep of " + count(spec) + " points");
    }

    /**
     * A product of points: at one size, every combination of the axes' values (one array per axis, in
     * the sweep's axis order) for a range of replicas. The sweep as written is one part per size;
     * each block a refinement round added is one more.
     */
    private record Part(int size, List<double[]> axisValues, int firstReplica, int replicas) {
        long combinations() {
            long n = 1;
            for (double[] v : axisValues) {
                n *= v.length;
            }
            return n;
        }

        /** Combination {@code combo}, the last axis fastest. */
        Map<String, Double> values(SweepSpec spec, long combo) {
            Map<String, Double> values = new LinkedHashMap<>();
            long stride = combinations();
            for (int i = 0; i < axisValues.size(); i++) {
                double[] v = axisValues.get(i);
                stride /= v.length;
                values.put(spec.axes().get(i).name(), v[(int) (combo / stride)]);
                combo %= stride;
            }
            return values;
        }
    }

    private static List<Part> parts(SweepSpec spec) {
        List<Part> parts = new ArrayList<>();
        for (int size : spec.sizes()) {
            parts.add(new Part(size, spec.axes().stream().map(a -> a.values(size)).toList(), 0, spec.replicas()));
        }
        for (PointBlock b : spec.added()) {
            parts.add(new Part(b.size(), spec.axes().stream()
                    .map(a -> b.values().get(a.name()).stream().mapToDouble(Double::doubleValue).toArray()).toList(),
                    b.firstReplica(), b.replicas()));
        }
        return parts;
    }

    /**
     * The units of work: one point each; for an {@link AxisModel} one group per (size, replica,
     * other axis values) holding every value of the whole axis in increasing order; for a
     * {@link ReplicaBatchModel} one group per batch of replicas of the same parameters and size.
     */
    public static List<PointGroup> groups(SweepSpec spec, Model model) {
        List<Point> points = points(spec);
        if (laddersOverWholeAxis(spec, model)) {
            return ladders(spec, model, ((AxisModel) model).wholeAxis(), points);
        }
        if (model instanceof ReplicaBatchModel batchModel) {
            return batches(spec, batchModel, points);
        }
        return points.stream().map(p -> single(model, p)).toList();
    }

    /** Whether the units of work are whole-axis ladders: an {@link AxisModel} whose whole axis the sweep has. */
    public static boolean laddersOverWholeAxis(SweepSpec spec, Model model) {
        return model instanceof AxisModel axisModel && spec.axis(axisModel.wholeAxis()) != null;
    }

    private static PointGroup single(Model model, Point p) {
        return new PointGroup(p.key(), List.of(p), p.disorderSeed(), p.dynamicsSeed(), model.cost(p.task()));
    }

    private static List<PointGroup> ladders(SweepSpec spec, Model model, String whole, List<Point> points) {
        Map<String, List<Point>> byGroup = new LinkedHashMap<>();
        for (Point p : points) {
            byGroup.computeIfAbsent(groupKey(p, whole), k -> new ArrayList<>()).add(p);
        }
        List<PointGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<Point>> e : byGroup.entrySet()) {
            long seed = Seeds.dynamics(spec.seed(), e.getKey());
            List<Point> ladder = e.getValue().stream()
                    .sorted(Comparator.comparingDouble(p -> p.params().real(whole)))
                    .map(p -> withDynamicsSeed(p, seed))
                    .toList();
            double cost = ladder.stream().mapToDouble(p -> model.cost(p.task())).sum();
            groups.add(new PointGroup(e.getKey(), ladder, ladder.get(0).disorderSeed(), seed, cost));
        }
        return groups;
    }

    /**
     * Replicas r of one (parameters, size) in batch r / B, keyed {@code size=16|T=2.3|batch=0}: the
     * batch, its seeds and each replica's lane follow from the replica index alone, so adding
     * replicas to a sweep adds to the last batch or adds batches and never changes a finished row.
     */
    private static List<PointGroup> batches(SweepSpec spec, ReplicaBatchModel model, List<Point> points) {
        Map<String, List<Point>> byBatch = new LinkedHashMap<>();
        List<PointGroup> groups = new ArrayList<>();
        for (Point p : points) {
            int batch = model.replicaBatch(p.task());
            if (batch == 1) {
                groups.add(single(model, p));
            } else {
                String key = p.key().substring(0, p.key().lastIndexOf("|r=")) + "|batch=" + p.replica() / batch;
                byBatch.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<String, List<Point>> e : byBatch.entrySet()) {
            Point first = e.getValue().get(0);
            int batch = model.replicaBatch(first.task());
            long seed = Seeds.dynamics(spec.seed(), e.getKey());
            long disorder = Seeds.disorder(spec.seed(), first.size(), first.replica() / batch * batch);
            List<Point> members = e.getValue().stream()
                    .sorted(Comparator.comparingInt(Point::replica))
                    .map(p -> new Point(p.sweep(), p.model(), p.key(), p.task(), p.replica(), disorder, seed))
                    .toList();
            groups.add(new PointGroup(e.getKey(), members, disorder, seed, model.cost(first.task())));
        }
        return groups;
    }

    /**
     * The first size and axis values (as a point key without its replica) whose points the model
     * refuses to run ({@link Model#refuses}) and why, or null. Every combination is asked, none is
     * kept: a sweep of a million points is not expanded to check it.
     */
    static String firstRefusal(SweepSpec spec, Model model) {
        Budget budget = new Budget(spec.budget());
        for (Part part : parts(spec)) {
            List<double[]> values = part.axisValues();
            int[] at = new int[values.size()];
            int axis = 0;
            while (axis >= 0) {
                Map<String, Object> params = new LinkedHashMap<>(spec.params());
                StringBuilder key = new StringBuilder("size=").append(part.size());
                for (int i = 0; i < at.length; i++) {
                    double v = values.get(i)[at[i]];
                    params.put(spec.axes().get(i).name(), v);
                    key.append('|').append(spec.axes().get(i).name()).append('=').append(Axis.format(v));
                }
                String why = model.refuses(new Task(new ParamValues(params), part.size(), budget));
                if (why != null) {
                    return key + ": " + why;
                }
                // the next combination, the last axis fastest (an odometer)
                axis = at.length - 1;
                while (axis >= 0 && ++at[axis] == values.get(axis).length) {
                    at[axis] = 0;
                    axis--;
                }
            }
        }
        return null;
    }

    /** The point of one replica at these axis values (every axis of the sweep, in its order) and size. */
    public static Point point(SweepSpec spec, Map<String, Double> axisValues, int size, int replica) {
        StringBuilder key = new StringBuilder("size=").append(size);
        for (Map.Entry<String, Double> e : axisValues.entrySet()) {
            key.append('|').append(e.getKey()).append('=').append(Axis.format(e.getValue()));
        }
        key.append("|r=").append(replica);
        Map<String, Object> params = new LinkedHashMap<>(spec.params());
        params.putAll(axisValues);
        String k = key.toString();
        Task task = new Task(new ParamValues(params), size, new Budget(spec.budget()));
        return new Point(spec.name(), spec.model(), k, task, replica,
                Seeds.disorder(spec.seed(), size, replica), Seeds.dynamics(spec.seed(), k));
    }

    private static String groupKey(Point p, String wholeAxis) {
        StringBuilder g = new StringBuilder();
        for (String part : p.key().split("\\|")) {
            if (!part.startsWith(wholeAxis + "=")) {
                g.append(g.length() == 0 ? "" : "|").append(part);
            }
        }
        return g.toString();
    }

    private static Point withDynamicsSeed(Point p, long seed) {
        return new Point(p.sweep(), p.model(), p.key(), p.task(), p.replica(), p.disorderSeed(), seed);
    }
}
