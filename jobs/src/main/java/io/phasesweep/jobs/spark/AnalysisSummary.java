package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.sweep.SweepSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The analysis on the console: the {@code best} rows first, the numbers to quote; then each method's
 * main estimate with its flags (a flagged estimate is left out of best); then the notes. Variants
 * and per-size locations are in the tables.
 */
public final class AnalysisSummary {
    private static final String ROW = "  %-22s %-22s %12s %10s %10s %10s  %-12s %s%n";

    private AnalysisSummary() {
    }

    static void print(PrintWriter log, SweepSpec spec, AnalysisResult result, List<String> notes) {
        String control = spec.analysis().control();
        log.printf("best estimates (quote these; stderr = stat (+) sys):%n");
        log.printf(ROW, "quantity", "", "value", "stderr", "stat", "sys", "sizes", "from");
        for (BoundaryRow b : result.boundaries()) {
            if (b.finding().isBest()) {
                best(log, "critical " + control, b.finding());
            }
        }
        for (ExponentRow e : result.exponents()) {
            if (e.finding().isBest()) {
                best(log, e.quantity(), e.finding());
            }
        }
        log.printf("each method's estimate (flagged ones are left out of best):%n");
        log.printf(ROW, "quantity", "method", "value", "stderr", "stat", "sys", "sizes", "flags");
        for (BoundaryRow b : result.boundaries()) {
            if (b.finding().isMain() && !b.finding().isBest()) {
                method(log, "critical " + control, b.finding());
            }
        }
        for (ExponentRow e : result.exponents()) {
            if (e.finding().isMain() && !e.finding().isBest()) {
                method(log, e.quantity(), e.finding());
            }
        }
        if (!notes.isEmpty()) {
            log.printf("notes:%n");
            notes.forEach(n -> log.printf("  - %s%n", n));
        }
        log.flush();
    }

    private static void best(PrintWriter log, String quantity, Finding f) {
        String from = f.quality().replaceFirst(";.*", "").replaceFirst("^weighted mean of ", "");
        log.printf(ROW, across(f) + quantity, "", number(f.value()), number(f.stderr()), number(f.stderrStat()),
                number(f.stderrSys()), sizes(f.sizes()), from);
    }

    private static void method(PrintWriter log, String quantity, Finding f) {
        String method = f.method() + (f.observable() == null ? "" : ":" + f.observable())
                + (f.level() == null ? "" : "@" + number(f.level()));
        log.printf(ROW, across(f) + quantity, method, number(f.value()), number(f.stderr()), number(f.stderrStat()),
                number(f.stderrSys()), sizes(f.sizes()), f.flags().isEmpty() ? "-" : String.join(",", f.flagColumn()));
    }

    private static String across(Finding f) {
        return f.across() == null ? "" : f.across() + "=" + number(f.acrossValue()) + " ";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** "16..128 (7)": the sweep's sizes are few and ascending, the range and count say which entered. */
    private static String sizes(List<Integer> sizes) {
        return sizes.isEmpty() ? "-" : sizes.get(0) + ".." + sizes.get(sizes.size() - 1) + " (" + sizes.size() + ")";
    }
}
