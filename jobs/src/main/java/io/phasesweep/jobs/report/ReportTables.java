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
import io.phasesweep.jobs.tables.RoundsTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.ArrayList;
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
        // one row per run: its completed row, or its started row if it never completed
        Map<String, Map<String, String>> byRun = new LinkedHashMap<>();
        for (Row r : table(spark, dir, "runs", "run the sweep first: phasesweep run FILE --out " + dir)
                .orderBy("started_at").collectAsList()) {
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
        Dataset<Row> points = table(spark, dir, "points", analyze);
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
        List<BoundaryRow> boundaries = table(spark, dir, BoundariesTable.NAME, analyze).collectAsList().stream()
                .map(BoundariesTable::read).toList();
        List<ExponentRow> exponents = table(spark, dir, ExponentsTable.NAME, analyze).collectAsList().stream()
                .map(ExponentsTable::read).toList();
        Path rounds = new Path(dir, RoundsTable.NAME);
        return new ReportData(spec.name(), spec.model(), control, across, observables, rows, boundaries, exponents,
                notes(spark, dir), runs, sweepFile,
                exists(spark, rounds) ? RoundsTable.read(spark, rounds.toString()) : List.of());
    }

    /** The analysis notes; none from a folder analysed before the table existed. */
    private static List<String> notes(SparkSession spark, String dir) throws CommandError {
        Path path = new Path(dir, "notes");
        if (!exists(spark, path)) {
            return List.of();
        }
        return spark.read().parquet(path.toString()).select("note").collectAsList().stream()
                .map(r -> r.getString(0)).toList();
    }

    /** The observables of {@code points}: the columns X that come with an X_err column. */
    static List<String> observables(String[] columns) {
        List<String> names = List.of(columns);
        return names.stream()
                .filter(c -> !FIXED_POINT_COLUMNS.contains(c) && !c.endsWith("_err") && names.contains(c + "_err"))
                .toList();
    }

    private static Dataset<Row> table(SparkSession spark, String dir, String name, String hint) throws CommandError {
        Path path = new Path(dir, name);
        if (!exists(spark, path)) {
            throw new CommandError(dir + " has no " + name + " table: " + hint);
        }
        return spark.read().parquet(path.toString());
    }

    static boolean exists(SparkSession spark, Path path) throws CommandError {
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
        } catch (IOException e) {
            throw new CommandError("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** A double column; null (no value) becomes NaN. */
    private static double number(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
