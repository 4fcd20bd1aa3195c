package io.phasesweep.jobs.report;

import io.phasesweep.engine.stats.Estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** The curves of one observable, one per size, and their windows and rescalings. */
final class Curves {
    private Curves() {
    }

    /** The curves at one across value (null without an across axis); points without a value are left out. */
    static List<Series> of(ReportData data, String observable, Double acrossValue) {
        TreeMap<Integer, List<ReportData.Point>> bySize = new TreeMap<>();
        for (ReportData.Point p : data.points()) {
            Estimate e = p.values().get(observable);
            if (Objects.equals(p.acrossValue(), acrossValue) && e != null && Double.isFinite(e.value())) {
                bySize.computeIfAbsent(p.size(), s -> new ArrayList<>()).add(p);
            }
        }
        List<Series> out = new ArrayList<>();
        bySize.forEach((size, points) -> {
            points.sort(Comparator.comparingDouble(ReportData.Point::x));
            int n = points.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] err = new double[n];
            for (int i = 0; i < n; i++) {
                Estimate e = points.get(i).values().get(observable);
                x[i] = points.get(i).x();
                y[i] = e.value();
                err[i] = Double.isFinite(e.error()) ? e.error() : 0;
            }
            out.add(new Series(size, x, y, err));
        });
        return out;
    }

    /** The points with from ≤ x ≤ to; sizes left without points are dropped. */
    static List<Series> within(List<Series> curves, double from, double to) {
        List<Series> out = new ArrayList<>();
        for (Series s : curves) {
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                if (s.x()[i] >= from && s.x()[i] <= to) {
                    keep.add(i);
                }
            }
            if (!keep.isEmpty()) {
                out.add(new Series(s.size(), pick(s.x(), keep), pick(s.y(), keep), pick(s.err(), keep)));
            }
        }
        return out;
    }

    /** The curves in scaling variables: x → (x − x_c)·L^(1/ν), y → y·L^(−a), errors scaled with y. */
    static List<Series> rescaled(List<Series> curves, Scaling scaling) {
        List<Series> out = new ArrayList<>();
        for (Series s : curves) {
            double stretch = Math.pow(s.size(), scaling.inverseNu());
            double scale = Math.pow(s.size(), -scaling.power());
            int n = s.x().length;
            double[] x = new double[n];
            double[] y = new double[n];
            double[] err = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (s.x()[i] - scaling.xc().criticalValue()) * stretch;
                y[i] = s.y()[i] * scale;
                err[i] = s.err()[i] * scale;
            }
            out.add(new Series(s.size(), x, y, err));
        }
        return out;
    }

    private static double[] pick(double[] values, List<Integer> indices) {
        return indices.stream().mapToDouble(i -> values[i]).toArray();
    }
}
