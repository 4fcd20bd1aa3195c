package io.phasesweep.engine.fss;

import java.util.Map;
import java.util.TreeMap;

/**
 * Pulls (estimate − truth)/stderr of many estimators over repeated trials, one row per estimator:
 * in how many of the trials that wrote the row it had an estimate with an error, how many of those
 * were flagged, the fraction within 1 and 2 standard errors of the truth, the mean and rms pull (≈ 0
 * and ≈ 1 for unbiased, honest error bars), and the fraction within 1 statistical error alone
 * (stderr_stat: what the systematic part of the error bar adds, or fails to add).
 */
final class CoverageTable {
    private final Map<String, Row> rows = new TreeMap<>();

    /** A row's tallies; a trial without a finite estimate and positive error counts as missing. */
    static final class Row {
        private int trials;
        private int estimated;
        private int flagged;
        private int within1;
        private int within2;
        private int within1Stat;
        private double pullSum;
        private double pull2Sum;

        int trials() {
            return trials;
        }

        int estimated() {
            return estimated;
        }

        double flagged() {
            return (double) flagged / trials;
        }

        double within1() {
            return (double) within1 / estimated;
        }

        double within2() {
            return (double) within2 / estimated;
        }

        double within1Stat() {
            return (double) within1Stat / estimated;
        }

        double meanPull() {
            return pullSum / estimated;
        }

        double rmsPull() {
            return Math.sqrt(pull2Sum / estimated);
        }
    }

    /** One trial's estimate of {@code row}; {@code flagged} when it failed one of its own checks. */
    void add(String row, double value, double stderr, double stderrStat, boolean flagged, double truth) {
        Row r = rows.computeIfAbsent(row, k -> new Row());
        r.trials++;
        r.flagged += flagged ? 1 : 0;
        if (!(Double.isFinite(value) && stderr > 0 && Double.isFinite(stderr))) {
            return;
        }
        double pull = (value - truth) / stderr;
        r.estimated++;
        r.within1 += Math.abs(pull) <= 1 ? 1 : 0;
        r.within2 += Math.abs(pull) <= 2 ? 1 : 0;
        r.within1Stat += Math.abs(value - truth) <= stderrStat ? 1 : 0;
        r.pullSum += pull;
        r.pull2Sum += pull * pull;
    }

    Row row(String row) {
        Row r = rows.get(row);
        if (r == null) {
            throw new AssertionError("no row " + row + " in " + rows.keySet());
        }
        return r;
    }

    Map<String, Row> rows() {
        return rows;
    }

    String format(String title) {
        StringBuilder s = new StringBuilder(title).append('\n');
        s.append(String.format("%-48s %9s %7s %7s %7s %8s %8s %7s%n", "estimate", "estimated", "flagged", "<=1se", "<=2se",
                "mean", "rms", "<=1stat"));
        rows.forEach((name, r) -> s.append(String.format("%-48s %4d/%-4d %7.3f %7.3f %7.3f %8.3f %8.3f %7.3f%n", name,
                r.estimated, r.trials, r.flagged(), r.within1(), r.within2(), r.meanPull(), r.rmsPull(), r.within1Stat())));
        return s.toString();
    }
}
