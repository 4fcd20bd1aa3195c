package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.ReplicaData;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.AnalysisSpec;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.SweepSpec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Entry point of the analysis: the replica-averaged points in, the {@code points},
 * {@code boundaries} and {@code exponents} tables out. Plain Java and deterministic (the bootstrap
 * seed comes from the options). A Spark job computes the {@link ResampledPoint}s where the raw rows
 * are, analyses each of their {@link #groups} in a task of its own
 * ({@link #analyze(SweepSpec, Model, Group)}) and {@link #combine}s the results on the driver; the
 * overloads taking samples or points do the same in one JVM, for tests and small studies, and give
 * the same numbers.
 *
 * <p>Points are grouped by all parameters except the control axis: one group per value of the
 * across axis (and of any other swept axis), each giving its own critical value and exponents.
 * Without an {@code analysis} section only the points are computed.
 */
public final class SweepAnalysis {
    private SweepAnalysis() {
    }

    /** With {@link AnalysisOptions#defaults} seeded from the sweep's seed. */
    public static AnalysisResult analyze(SweepSpec spec, Model model, List<Sample> samples,
                                         Map<PointKey, Integer> failures) {
        return analyze(spec, model, samples, failures, AnalysisOptions.defaults(spec.seed()));
    }

    /**
     * @param samples  one per successful raw row
     * @param failures failed or timed-out rows per point (points missing from the map had none)
     */
    public static AnalysisResult analyze(SweepSpec spec, Model model, List<Sample> samples,
                                         Map<PointKey, Integer> failures, AnalysisOptions options) {
        ObservableSet observables = ObservableSet.of(model);
        int resamples = resamples(spec, options);
        Map<PointKey, List<Sample>> byPoint = samples.stream()
                .collect(Collectors.groupingBy(Sample::key, LinkedHashMap::new, Collectors.toList()));
        List<ResampledPoint> points = new ArrayList<>();
        byPoint.forEach((key, rows) -> points.add(ResampledPoint.of(ReplicaData.of(key, rows, observables),
                failures.getOrDefault(key, 0), observables, resamples, options.seed())));
        failures.forEach((key, failed) -> {
            if (!byPoint.containsKey(key)) {
                points.add(ResampledPoint.failedOnly(key, failed, observables));
            }
        });
        return analyze(spec, model, points, options);
    }

    /** Bootstrap resamples each point needs: none without an analysis section. */
    public static int resamples(SweepSpec spec, AnalysisOptions options) {
        return spec.analysis() == null ? 0 : options.bootstrap();
    }

    /**
     * @param points one per (parameters, size) with a raw row, in any order, each with
     *               {@link #resamples} resamples
     */
    public static AnalysisResult analyze(SweepSpec spec, Model model, List<ResampledPoint> points,
                                         AnalysisOptions options) {
        return combine(spec, model, points, groups(spec, points).stream().map(g -> analyze(spec, model, g)).toList());
    }

    /**
     * The points of one analysis group: those with replicas that share every parameter but the
     * control axis (one value of the across axis, and of any other swept axis).
     *
     * @param key    their parameters without the control axis
     * @param points in order of parameters, then size
     */
    public record Group(ParamValues key, List<ResampledPoint> points) implements Serializable {
        public Group {
            points = List.copyOf(points);
        }
    }

    /** The estimates of one group and the notes on what could not be estimated there. */
    public record GroupResult(List<BoundaryRow> boundaries, List<ExponentRow> exponents, List<String> notes)
            implements Serializable {
        public GroupResult {
            boundaries = List.copyOf(boundaries);
            exponents = List.copyOf(exponents);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The analysis groups of the sweep, in the order of their parameters; none without an
     * {@code analysis} section. Each is analysed on its own ({@link #analyze(SweepSpec, Model, Group)}),
     * wherever: in this JVM, or one Spark task per group.
     *
     * @param points one per (parameters, size), in any order
     */
    public static List<Group> groups(SweepSpec spec, List<ResampledPoint> points) {
        AnalysisSpec analysis = spec.analysis();
        if (analysis == null) {
            return List.of();
        }
        TreeMap<ParamValues, List<ResampledPoint>> groups = new TreeMap<>(SweepAnalysis::compare);
        for (ResampledPoint p : sorted(points)) {
            if (p.replicas() > 0) {
                groups.computeIfAbsent(without(p.key().params(), analysis.control()), k -> new ArrayList<>()).add(p);
            }
        }
        return groups.entrySet().stream().map(g -> new Group(g.getKey(), g.getValue())).toList();
    }

    /**
     * The estimates of one group of {@link #groups}: a function of the sweep, the model's
     * observables and the group's points alone, so its result is the same in any JVM.
     */
    public static GroupResult analyze(SweepSpec spec, Model model, Group group) {
        AnalysisSpec analysis = spec.analysis();
        List<String> notes = new ArrayList<>();
        List<BoundaryRow> boundaries = new ArrayList<>();
        List<ExponentRow> exponents = new ArrayList<>();
        ObservableSet observables = ObservableSet.of(model);
        ResampledCurves curves = ResampledCurves.of(group.points(), analysis.control(), observables);
        Double acrossValue = analysis.across() == null ? null : group.key().real(analysis.across());
        new GroupAnalysis(analysis, observables, curves, logScaleControl(spec), acrossValue,
                label(spec, analysis, group.key()), notes, boundaries, exponents).run();
        return new GroupResult(boundaries, exponents, notes);
    }

    /**
     * The analysis' tables: the points' rows, and the groups' estimates and notes in the order of
     * {@link #groups}.
     *
     * @param results the result of each group of {@link #groups}, in its order
     */
    public static AnalysisResult combine(SweepSpec spec, Model model, List<ResampledPoint> points,
                                         List<GroupResult> results) {
        ObservableSet observables = ObservableSet.of(model);
        List<PointRow> rows = sorted(points).stream().map(p -> p.row(observables.names())).toList();
        return new AnalysisResult(rows, results.stream().flatMap(r -> r.boundaries().stream()).toList(),
                results.stream().flatMap(r -> r.exponents().stream()).toList(),
                results.stream().flatMap(r -> r.notes().stream()).toList());
    }

    /** In order of parameters, then size. */
    private static List<ResampledPoint> sorted(List<ResampledPoint> points) {
        return points.stream().sorted(Comparator.comparing((ResampledPoint p) -> p.key().params(),
                SweepAnalysis::compare).thenComparingInt(p -> p.key().size())).toList();
    }

    /** The control axis is a range with {@code scale: log}. */
    private static boolean logScaleControl(SweepSpec spec) {
        return spec.axes().stream().anyMatch(a -> a.name().equals(spec.analysis().control())
                && a instanceof Axis.Range r && r.scale() == Axis.Scale.LOG);
    }

    private static ParamValues without(ParamValues p, String name) {
        Map<String, Object> m = new LinkedHashMap<>(p.values());
        m.remove(name);
        return new ParamValues(m);
    }

    /** "kappa=0.5: " from the swept axes other than the control; empty with none. */
    private static String label(SweepSpec spec, AnalysisSpec analysis, ParamValues group) {
        String s = spec.axes().stream().map(Axis::name).filter(n -> !n.equals(analysis.control()))
                .map(n -> n + "=" + group.values().get(n)).collect(Collectors.joining(", "));
        return s.isEmpty() ? "" : s + ": ";
    }

    /** Parameter sets of one sweep have the same names in the same order; numbers before words. */
    private static int compare(ParamValues a, ParamValues b) {
        var ia = a.values().entrySet().iterator();
        var ib = b.values().entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            var ea = ia.next();
            var eb = ib.next();
            int c = ea.getKey().compareTo(eb.getKey());
            if (c == 0) {
                c = ea.getValue() instanceof Double da && eb.getValue() instanceof Double db
                        ? Double.compare(da, db) : String.valueOf(ea.getValue()).compareTo(String.valueOf(eb.getValue()));
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }
}
