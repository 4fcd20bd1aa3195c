package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.stats.Estimate;

import io.phasesweep.jobs.tables.RoundsTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report shows, read from the tables of one output folder.
 *
 * @param control     the control parameter: the x axis of every curve
 * @param across      the across axis, or null
 * @param observables the observables of {@code points}, in column order
 * @param notes       the {@code notes} table: what the analysis left out or could not estimate
 * @param runs        the {@code runs} table, oldest first, each row as column → text
 * @param sweepFile   the sweep file of the latest run, as written
 */
public record ReportData(String sweep, String model, String control, String across, List<String> observables,
                         List<Point> points, List<BoundaryRow> boundaries, List<ExponentRow> exponents,
                         List<String> notes, List<Map<String, String>> runs, String sweepFile,
                         List<RoundsTable.Round> rounds) {
    public ReportData {
        rounds = List.copyOf(rounds);
        observables = List.copyOf(observables);
        points = List.copyOf(points);
        boundaries = List.copyOf(boundaries);
        exponents = List.copyOf(exponents);
        notes = List.copyOf(notes);
        runs = runs.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }

    /** The data of a sweep without refinement rounds. */
    public ReportData(String sweep, String model, String control, String across, List<String> observables,
                      List<Point> points, List<BoundaryRow> boundaries, List<ExponentRow> exponents,
                      List<String> notes, List<Map<String, String>> runs, String sweepFile) {
        this(sweep, model, control, across, observables, points, boundaries, exponents, notes, runs, sweepFile, List.of());
    }

    /**
     * A row of {@code points}: its control value, across value (null without an across axis), size and
     * observables (NaN value or error where the table has null).
     */
    public record Point(double x, Double acrossValue, int size, int replicas, int failed, Map<String, Estimate> values) {
        public Point {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * The observables, those the analysis used (named in a method of {@code boundaries} or
     * {@code exponents}, in table order) first: the page shows them first.
     */
    public List<String> observablesAnalysedFirst() {
        java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
        java.util.stream.Stream.concat(boundaries.stream().map(BoundaryRow::finding), exponents.stream().map(ExponentRow::finding))
                .map(Finding::observable)
                .filter(o -> o != null && observables.contains(o))
                .forEach(order::add);
        order.addAll(observables);
        return List.copyOf(order);
    }

    /** The across values present in {@code points}, ascending; a list holding null without an across axis. */
    public List<Double> acrossValues() {
        if (across == null) {
            return java.util.Collections.singletonList(null);
        }
        return points.stream().map(Point::acrossValue).distinct().sorted().toList();
    }
}
