package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.sweep.SweepSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The analysis on the console: boundaries and exponents as compact tables, then the notes. */
public final class AnalysisSummary {
    private static final String ROW = "  %-12s %-26s %12s %10s  %-14s %s%n";

    private AnalysisSummary() {
    }

    static void print(PrintWriter log, SweepSpec spec, AnalysisResult result, List<String> notes) {
        String control = spec.analysis().control();
        log.printf("critical values of %s:%n", control);
        log.printf(ROW, "", "method", "value", "stderr", "sizes", "quality");
        for (BoundaryRow b : result.boundaries()) {
            log.printf(ROW, across(b.across(), b.acrossValue()), b.method(), number(b.criticalValue()),
                    number(b.stderr()), sizes(b.sizes()), b.quality());
        }
        if (!result.exponents().isEmpty()) {
            log.printf("exponents:%n");
            log.printf(ROW, "quantity", "method", "value", "stderr", "sizes", "quality");
            for (ExponentRow e : result.exponents()) {
                String quantity = e.across() == null ? e.quantity() : across(e.across(), e.acrossValue()) + " " + e.quantity();
                log.printf(ROW, quantity, e.method(), number(e.value()), number(e.stderr()), sizes(e.sizes()), e.quality());
            }
        }
        if (!notes.isEmpty()) {
            log.printf("notes:%n");
            notes.forEach(n -> log.printf("  - %s%n", n));
        }
        log.flush();
    }

    private static String across(String name, Double value) {
        return name == null ? "" : name + "=" + number(value);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** "16..128 (7)": the sweep's sizes are few and ascending, the range and count say which entered. */
    private static String sizes(List<Integer> sizes) {
        return sizes.isEmpty() ? "-" : sizes.get(0) + ".." + sizes.get(sizes.size() - 1) + " (" + sizes.size() + ")";
    }
}
