package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.jobs.tables.BoundariesTable;
import io.phasesweep.jobs.tables.ExponentsTable;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.tables.FolderTables;
import io.phasesweep.jobs.tables.NotesTable;
import io.phasesweep.jobs.tables.PointsTable;
import io.phasesweep.jobs.tables.RoundsTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables of an output folder into {@link ReportData}. They are small (one row per point
 * or estimate), so they are collected to the driver. The control and across axes come from the
 * sweep file of the latest run, kept in {@code runs}.
 */
public final class ReportTables {
    private static final Set<String> FIXED_POINT_COLUMNS = Set.of("sweep", "model", "size", "replicas", "failed");

    private ReportTables() {
    }

    public static ReportData read(SparkSession spark, String dir) throws CommandError {
        return read(spark, FolderTables.of(spark, dir));
    }

    /** The report's data from {@code tables}: one Spark job per table read from the folder, none for one in memory. */
    public static ReportData read(SparkSession spark, FolderTables tables) throws CommandError {
        String dir = tables.dir();
        // one row per run: its completed row, or its started row if it never completed
        Map<String, Map<String, String>> byRun = new LinkedHashMap<>();
        List<Row> runRows = new ArrayList<>(table(tables, RunsTable.NAME, RunsTable.SCHEMA,
                "run the sweep first: phasesweep run FILE --out " + dir).collectAsList());
        // sorted on the driver: a sort in Spark would be a job even for the table in memory
        runRows.sort(Comparator.comparing(r -> r.<Timestamp>getAs("started_at")));
        for (Row r : runRows) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String name : r.schema().fieldNames()) {
                Object v = r.getAs(name);
                columns.put(name, v == null ? "" : v.toString());
            }
            byRun.merge(columns.get("run_id"), columns,
                    (before, now) -> RunsTable.COMPLETED.equals(now.get("status")) ? now : before);
        }
        List<Map<String, String>> runs = new ArrayList<>(byRun.values());
        if (runs.isEmpty()) {
            throw new CommandError(dir + "/runs holds no run");
        }
        String sweepFile = runs.get(runs.size() - 1).get("sweep_file");
        SweepSpec spec;
        try {
            spec = SweepParser.parse(sweepFile, dir + "/runs (sweep_file of the latest run)", ModelRegistry.load());
        } catch (SweepError e) {
            throw new CommandError("cannot read the sweep of the latest run: " + e.getMessage());
        }
        String control = spec.analysis() != null ? spec.analysis().control() : spec.axes().get(0).name();
        String across = spec.analysis() != null ? spec.analysis().across() : null;

        String analyze = "analyze the raw rows first: phasesweep analyze " + dir;
        // points' columns from its files: the observables shown are those the table has
        Dataset<Row> points = table(tables, PointsTable.NAME, null, analyze);
        List<String> observables = observables(points.columns());
        List<ReportData.Point> rows = new ArrayList<>();
        for (Row r : points.collectAsList()) {
            Map<String, Estimate> values = new LinkedHashMap<>();
            for (String o : observables) {
                values.put(o, new Estimate(number(r, o), number(r, o + "_err")));
            }
            rows.add(new ReportData.Point(number(r, control), across == null ? null : number(r, across),
                    r.<Integer>getAs("size"), r.<Integer>getAs("replicas"), r.<Integer>getAs("failed"), values));
        }
        List<BoundaryRow> boundaries = table(tables, BoundariesTable.NAME, BoundariesTable.SCHEMA, analyze).collectAsList()
                .stream().map(BoundariesTable::read).toList();
        List<ExponentRow> exponents = table(tables, ExponentsTable.NAME, ExponentsTable.SCHEMA, analyze).collectAsList()
                .stream().map(ExponentsTable::read).toList();
        return new ReportData(spec.name(), spec.model(), control, across, observables, rows, boundaries, exponents,
                notes(tables), runs, sweepFile,
                tables.has(RoundsTable.NAME) ? RoundsTable.read(spark, tables.path(RoundsTable.NAME)) : List.of());
    }

    /** The analysis notes; none from a folder analysed before the table existed. */
    private static List<String> notes(FolderTables tables) throws CommandError {
        if (!tables.has(NotesTable.NAME)) {
            return List.of();
        }
        return tables.read(NotesTable.NAME, NotesTable.SCHEMA).select("note").collectAsList().stream()
                .map(r -> r.getString(0)).toList();
    }

    /** The observables of {@code points}: the columns X that come with an X_err column. */
    static List<String> observables(String[] columns) {
        List<String> names = List.of(columns);
        return names.stream()
                .filter(c -> !FIXED_POINT_COLUMNS.contains(c) && !c.endsWith("_err") && names.contains(c + "_err"))
                .toList();
    }

    private static Dataset<Row> table(FolderTables tables, String name, StructType schema, String hint) throws CommandError {
        if (!tables.has(name)) {
            throw new CommandError(tables.dir() + " has no " + name + " table: " + hint);
        }
        return tables.read(name, schema);
    }

    /** A double column; null (no value) becomes NaN. */
    private static double number(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
