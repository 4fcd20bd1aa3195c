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
 * are and calls {@link #analyze(SweepSpec, Model, List, AnalysisOptions)} on the driver; the
 * overload taking raw samples does the same replica averaging in one JVM, for tests and small
 * studies, and gives the same numbers.
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
        ObservableSet observables = ObservableSet.of(model);
        List<ResampledPoint> sorted = points.stream().sorted(Comparator.comparing((ResampledPoint p) -> p.key().params(),
                SweepAnalysis::compare).thenComparingInt(p -> p.key().size())).toList();
        List<PointRow> rows = sorted.stream().map(p -> p.row(observables.names())).toList();

        List<String> notes = new ArrayList<>();
        List<BoundaryRow> boundaries = new ArrayList<>();
        List<ExponentRow> exponents = new ArrayList<>();
        AnalysisSpec analysis = spec.analysis();
        if (analysis != null) {
            TreeMap<ParamValues, List<ResampledPoint>> groups = new TreeMap<>(SweepAnalysis::compare);
            for (ResampledPoint p : sorted) {
                if (p.replicas() > 0) {
                    groups.computeIfAbsent(without(p.key().params(), analysis.control()), k -> new ArrayList<>()).add(p);
                }
            }
            for (Map.Entry<ParamValues, List<ResampledPoint>> g : groups.entrySet()) {
                String label = label(spec, analysis, g.getKey());
                ResampledCurves curves = ResampledCurves.of(g.getValue(), analysis.control());
                Double acrossValue = analysis.across() == null ? null : g.getKey().real(analysis.across());
                new GroupAnalysis(analysis, observables, curves, logScaleControl(spec), acrossValue, label, notes,
                        boundaries, exponents).run();
            }
        }
        return new AnalysisResult(rows, boundaries, exponents, notes);
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
