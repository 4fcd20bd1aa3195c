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
 * (first axis outermost, values in axis order), then replicas. Keys read
 * {@code size=16|T=2.23|r=3}; a key never depends on other points, so growing a sweep (more
 * replicas, sizes or axis values) leaves existing keys and seeds unchanged.
 */
public final class SweepExpander {

    private SweepExpander() {
    }

    public static List<Point> points(SweepSpec spec) {
        List<Point> out = new ArrayList<>();
        for (int size : spec.sizes()) {
            List<Map<String, Double>> combos = new ArrayList<>();
            combos.add(new LinkedHashMap<>());
            for (Axis axis : spec.axes()) {
                List<Map<String, Double>> next = new ArrayList<>();
                for (Map<String, Double> c : combos) {
                    for (double v : axis.values(size)) {
                        Map<String, Double> m = new LinkedHashMap<>(c);
                        m.put(axis.name(), v);
                        next.add(m);
                    }
                }
                combos = next;
            }
            for (Map<String, Double> combo : combos) {
                for (int r = 0; r < spec.replicas(); r++) {
                    out.add(point(spec, combo, size, r));
                }
            }
        }
        return out;
    }

    /** The number of points, {@code points(spec).size()}, without expanding them. */
    public static long count(SweepSpec spec) {
        long total = 0;
        for (int size : spec.sizes()) {
            total += combinations(spec, size) * spec.replicas();
        }
        return total;
    }

    /**
     * Point {@code index} of {@link #points}, without expanding the others: for a sweep too large to
     * hold as a list (a benchmark, or a task that makes its own share of the points).
     */
    public static Point point(SweepSpec spec, long index) {
        long rest = index;
        for (int size : spec.sizes()) {
            long inSize = combinations(spec, size) * spec.replicas();
            if (rest >= inSize) {
                rest -= inSize;
                continue;
            }
            int replica = (int) (rest % spec.replicas());
            long combo = rest / spec.replicas();
            Map<String, Double> values = new LinkedHashMap<>();
            long stride = combinations(spec, size);
            for (Axis axis : spec.axes()) {
                double[] v = axis.values(size);
                stride /= v.length;
                values.put(axis.name(), v[(int) (combo / stride)]);
                combo %= stride;
            }
            return point(spec, values, size, replica);
        }
        throw new IndexOutOfBoundsException("point " + index + " of a sweep of " + count(spec) + " points");
    }

    /** Axis value combinations at one size. */
    private static long combinations(SweepSpec spec, int size) {
        long n = 1;
        for (Axis axis : spec.axes()) {
            n *= axis.values(size).length;
        }
        return n;
    }

    /**
     * The units of work: one point each; for an {@link AxisModel} one group per (size, replica,
     * other axis values) holding every value of the whole axis in increasing order; for a
     * {@link ReplicaBatchModel} one group per batch of replicas of the same parameters and size.
     */
    public static List<PointGroup> groups(SweepSpec spec, Model model) {
        List<Point> points = points(spec);
        if (model instanceof AxisModel axisModel && spec.axis(axisModel.wholeAxis()) != null) {
            return ladders(spec, model, axisModel.wholeAxis(), points);
        }
        if (model instanceof ReplicaBatchModel batchModel) {
            return batches(spec, batchModel, points);
        }
        return points.stream().map(p -> single(model, p)).toList();
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
        for (int size : spec.sizes()) {
            List<double[]> values = new ArrayList<>();
            spec.axes().forEach(a -> values.add(a.values(size)));
            int[] at = new int[values.size()];
            int axis = 0;
            while (axis >= 0) {
                Map<String, Object> params = new LinkedHashMap<>(spec.params());
                StringBuilder key = new StringBuilder("size=").append(size);
                for (int i = 0; i < at.length; i++) {
                    double v = values.get(i)[at[i]];
                    params.put(spec.axes().get(i).name(), v);
                    key.append('|').append(spec.axes().get(i).name()).append('=').append(Axis.format(v));
                }
                String why = model.refuses(new Task(new ParamValues(params), size, budget));
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

    private static Point point(SweepSpec spec, Map<String, Double> axisValues, int size, int replica) {
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
