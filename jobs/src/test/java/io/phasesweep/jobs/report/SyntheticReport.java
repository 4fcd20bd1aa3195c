package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.jobs.TestFindings;
import io.phasesweep.engine.stats.Estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Report data with exactly known scaling: a Binder-like U = f((T − T_c)·L) and a susceptibility
 * χ = L^(7/4)·g((T − T_c)·L) (2D Ising exponents ν = 1, γ/ν = 7/4), with T_c moving with the
 * across value, so a collapse with the tables' numbers must put every size on f and g exactly.
 */
final class SyntheticReport {
    static final double TC = 2.269;
    static final double GAMMA_NU = 1.75;
    static final List<Integer> SIZES = List.of(8, 16, 32);

    private SyntheticReport() {
    }

    static double binder(double x) {
        return (1 - Math.tanh(0.8 * x)) / 3;
    }

    static double chi(double x) {
        return 0.2 / (1 + 0.3 * x * x);
    }

    static double tc(Double acrossValue) {
        return acrossValue == null ? TC : TC + 0.5 * acrossValue;
    }

    /** Without an across axis when {@code acrossValues} is empty; observables binder and chi. */
    static ReportData data(String control, String across, List<Double> acrossValues) {
        List<Double> groups = acrossValues.isEmpty() ? java.util.Collections.singletonList(null) : acrossValues;
        List<ReportData.Point> points = new ArrayList<>();
        List<BoundaryRow> boundaries = new ArrayList<>();
        List<ExponentRow> exponents = new ArrayList<>();
        for (Double a : groups) {
            double tc = tc(a);
            for (int size : SIZES) {
                for (int i = 0; i < 12; i++) {
                    double t = tc - 0.27 + 0.05 * i;
                    double x = (t - tc) * size;
                    double u = binder(x);
                    double c = Math.pow(size, GAMMA_NU) * chi(x);
                    Map<String, Estimate> values = new LinkedHashMap<>();
                    values.put("binder", new Estimate(u, 0.004));
                    values.put("chi", new Estimate(c, 0.02 * c));
                    points.add(new ReportData.Point(t, a, size, 4, i == 3 && size == 8 ? 1 : 0, values));
                }
            }
            boundaries.add(TestFindings.boundary(control, across, a, tc, 0.0012, "crossing:binder", SIZES));
            boundaries.add(TestFindings.boundary(control, across, a, tc, 0.002, "collapse:binder", SIZES));
            exponents.add(TestFindings.exponent(across, a, "nu", 1.0, 0.03, "collapse:binder", SIZES));
            exponents.add(TestFindings.exponent(across, a, "gamma/nu", GAMMA_NU, 0.02, "peak:chi", SIZES));
            exponents.add(TestFindings.exponent(across, a, "gamma/nu", 1.76, 0.04, "peak:chi/drop_smallest",
                    SIZES.subList(1, 3)));
        }
        Map<String, String> run = new LinkedHashMap<>();
        run.put("run_id", "synthetic-20261123T120000Z-abcdef12");
        run.put("sweep", "synthetic");
        run.put("sweep_file", "name: synthetic\n# <script>alert(1)</script> stays text\n");
        run.put("sweep_sha256", "0123456789abcdef");
        run.put("engine_version", "0.1.0-SNAPSHOT");
        run.put("git_commit", "2a38d8a");
        run.put("started_at", "2026-11-23 12:00:00.0");
        run.put("ended_at", "2026-11-23 12:01:40.0");
        run.put("points_total", "144");
        run.put("points_ok", "143");
        run.put("points_failed", "1");
        run.put("points_timeout", "0");
        run.put("master", "local[2]");
        return new ReportData("synthetic", "ising", control, across, List.of("binder", "chi"), points, boundaries,
                exponents, List.of("2 failed or timed-out rows at 1 point left out of the averages"), List.of(run),
                run.get("sweep_file"));
    }
}
