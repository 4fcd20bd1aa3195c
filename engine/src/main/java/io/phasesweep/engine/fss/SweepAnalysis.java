package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.ReplicaData;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.AnalysisSpec;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Entry point of the analysis: successful raw rows and failure counts in; the {@code points},
 * {@code boundaries} and {@code exponents} tables out. Plain Java and deterministic (the bootstrap
 * seed comes from the options), so a Spark job collects the rows, calls {@link #analyze} on the
 * driver, and writes the result.
 *
 * <p>Points are grouped by all parameters except the control axis: one group per value of the
 * across axis (and of any other swept axis), each giving its own critical value and exponents.
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
        Map<PointKey, List<Sample>> byPoint = samples.stream()
                .collect(Collectors.groupingBy(Sample::key, LinkedHashMap::new, Collectors.toList()));
        TreeSet<PointKey> keys = new TreeSet<>(Comparator.comparing(PointKey::params, SweepAnalysis::compare)
                .thenComparingInt(PointKey::size));
        keys.addAll(byPoint.keySet());
        keys.addAll(failures.keySet());

        List<PointRow> points = new ArrayList<>();
        List<ReplicaData> data = new ArrayList<>();
        for (PointKey key : keys) {
            int failed = failures.getOrDefault(key, 0);
            Map<String, Estimate> values = new LinkedHashMap<>();
            List<Sample> rows = byPoint.get(key);
            if (rows == null) {
                observables.names().forEach(n -> values.put(n, new Estimate(Double.NaN, Double.NaN)));
                points.add(new PointRow(key.params(), key.size(), 0, failed, values));
                continue;
            }
            ReplicaData d = ReplicaData.of(key, rows, observables);
            Estimate[] est = d.aggregate(observables);
            for (int i = 0; i < est.length; i++) {
                values.put(observables.names().get(i), est[i]);
            }
            points.add(new PointRow(key.params(), key.size(), rows.size(), failed, values));
            data.add(d);
        }

        List<String> notes = new ArrayList<>();
        List<BoundaryRow> boundaries = new ArrayList<>();
        List<ExponentRow> exponents = new ArrayList<>();
        AnalysisSpec analysis = spec.analysis();
        if (analysis != null) {
            TreeMap<ParamValues, List<ReplicaData>> groups = new TreeMap<>(SweepAnalysis::compare);
            for (ReplicaData d : data) {
                groups.computeIfAbsent(without(d.key().params(), analysis.control()), k -> new ArrayList<>()).add(d);
            }
            for (Map.Entry<ParamValues, List<ReplicaData>> g : groups.entrySet()) {
                String label = label(spec, analysis, g.getKey());
                ResampledCurves curves = ResampledCurves.of(g.getValue(), observables, analysis.control(),
                        options.bootstrap(), Seeds.generator(Seeds.dynamics(options.seed(), "fss-bootstrap|" + label)));
                Double acrossValue = analysis.across() == null ? null : g.getKey().real(analysis.across());
                new GroupAnalysis(analysis, observables, curves, logScaleControl(spec), acrossValue, label, notes,
                        boundaries, exponents).run();
            }
        }
        return new AnalysisResult(points, boundaries, exponents, notes);
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
