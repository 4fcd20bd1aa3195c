package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.SweepAnalysis;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.tables.AnalysisTables;
import io.phasesweep.jobs.tables.BoundariesTable;
import io.phasesweep.jobs.tables.ExponentsTable;
import io.phasesweep.jobs.tables.NotesTable;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.PointsTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The Spark driver of {@code phasesweep analyze}, and the last stage of {@code run}: reads
 * {@code raw}, hands the rows to the engine's {@link SweepAnalysis} on the driver, and overwrites
 * the derived tables {@code points}, {@code boundaries} and {@code exponents}.
 *
 * <p>Which rows count: only rows of finished runs ({@link RunsTable#finishedRunIds}: a run that
 * died mid-way has only its started row, until a {@code --resume} run completes it), only points of the sweep as the latest run defines it (its
 * file text is re-parsed), and for a point present in several runs the row of the latest.
 */
public final class AnalyzeJob {
    private final SparkSession spark;
    private final PrintWriter log;

    public AnalyzeJob(SparkSession spark, PrintWriter log) {
        this.spark = spark;
        this.log = log;
    }

    /** The sweep of the latest completed run in the folder, as its file text defines it. */
    record LatestSweep(String runId, SweepSpec spec, Model model) {
    }

    /** Analyses the folder's rows, writes the three tables, prints their summary; null without an analysis section. */
    public AnalysisResult run(OutputFolder out) throws SweepError, CommandError {
        Map<String, Timestamp> runs = completedRuns(out);
        LatestSweep sweep = latestSweep(out, runs);
        if (sweep.spec().analysis() == null) {
            log.printf("%s has no analysis section: nothing to analyse%n", sweep.spec().name()).flush();
            return null;
        }
        List<String> notes = new ArrayList<>();
        Inputs inputs = inputs(out, sweep, runs, notes);
        AnalysisResult result = SweepAnalysis.analyze(sweep.spec(), sweep.model(), inputs.samples(), inputs.failures());
        notes.addAll(result.notes());
        AnalysisTables tables = new AnalysisTables(sweep.spec(), ObservableSet.of(sweep.model()));
        tables.write(spark, out, result, notes);
        AnalysisSummary.print(log, sweep.spec(), result, notes);
        log.printf("tables: %s%n        %s%n        %s%n        %s%n", out.table(PointsTable.NAME), out.table(BoundariesTable.NAME),
                out.table(ExponentsTable.NAME), out.table(NotesTable.NAME)).flush();
        return result;
    }

    /** Run id → start time of every finished run ({@link RunsTable#finishedRunIds}). */
    private Map<String, Timestamp> completedRuns(OutputFolder out) throws CommandError {
        Set<String> finished = RunsTable.finishedRunIds(spark, out.table(RunsTable.NAME));
        Map<String, Timestamp> runs = new HashMap<>();
        for (Row r : read(out, "runs").select("run_id", "started_at").collectAsList()) {
            if (finished.contains(r.getString(0))) {
                runs.put(r.getString(0), r.getTimestamp(1));
            }
        }
        if (runs.isEmpty()) {
            throw new CommandError(out + ": the runs table is empty: no completed run to analyse");
        }
        return runs;
    }

    private LatestSweep latestSweep(OutputFolder out, Map<String, Timestamp> runs) throws SweepError, CommandError {
        Row latest = read(out, "runs").where(col("run_id").isin(runs.keySet().toArray()))
                .orderBy(col("started_at").desc(), col("run_id").desc())
                .select("run_id", "sweep_file").first();
        String runId = latest.getString(0);
        ModelRegistry registry = ModelRegistry.load();
        SweepSpec spec = SweepParser.parse(latest.getString(1), "runs[" + runId + "].sweep_file", registry);
        Model model = registry.find(spec.model());
        if (model == null) {
            throw new CommandError("run " + runId + " used model " + spec.model() + ", which is not on the classpath");
        }
        return new LatestSweep(runId, spec, model);
    }

    /** Successful rows as samples, failed and timed-out rows as counts per point. */
    record Inputs(List<Sample> samples, Map<PointKey, Integer> failures) {
    }

    private Inputs inputs(OutputFolder out, LatestSweep sweep, Map<String, Timestamp> runs, List<String> notes)
            throws CommandError {
        Map<String, Point> points = new HashMap<>();
        SweepExpander.points(sweep.spec()).forEach(p -> points.put(p.key(), p));
        List<String> measured = ObservableSet.of(sweep.model()).measured();
        List<Column> columns = new ArrayList<>(List.of(col("point"), col("status"), col("run_id")));
        measured.forEach(name -> columns.add(col(name)));

        Map<String, Row> latest = new LinkedHashMap<>();
        long incomplete = 0;
        long outside = 0;
        for (Row r : read(out, "raw").select(columns.toArray(Column[]::new)).collectAsList()) {
            Timestamp started = runs.get(r.getString(2));
            if (started == null) {
                incomplete++;
            } else if (!points.containsKey(r.getString(0))) {
                outside++;
            } else {
                latest.merge(r.getString(0), r, (a, b) -> runs.get(b.getString(2)).after(runs.get(a.getString(2))) ? b : a);
            }
        }
        if (incomplete > 0) {
            notes.add(incomplete + " raw rows of interrupted runs left out (finish them with phasesweep run FILE --resume)");
        }
        if (outside > 0) {
            notes.add(outside + " raw rows of points not in the sweep of run " + sweep.runId() + " left out");
        }

        List<Sample> samples = new ArrayList<>();
        Map<PointKey, Integer> failures = new LinkedHashMap<>();
        for (Row r : latest.values()) {
            Point p = points.get(r.getString(0));
            if ("ok".equals(r.getString(1))) {
                Map<String, Double> values = new HashMap<>();
                for (int i = 0; i < measured.size(); i++) {
                    if (r.isNullAt(3 + i)) {
                        throw new CommandError("raw row " + p.key() + " is ok but its " + measured.get(i)
                                + " is null: the table was not written by this model");
                    }
                    values.put(measured.get(i), r.getDouble(3 + i));
                }
                samples.add(new Sample(p.params(), p.size(), p.replica(), values));
            } else {
                failures.merge(new PointKey(p.params(), p.size()), 1, Integer::sum);
            }
        }
        if (!failures.isEmpty()) {
            notes.add(failures.values().stream().mapToInt(Integer::intValue).sum() + " failed or timed-out rows at "
                    + failures.size() + " points left out: those points average fewer replicas (column failed)");
        }
        int missing = points.size() - latest.size();
        if (missing > 0) {
            notes.add(missing + " points of the sweep have no row yet");
        }
        return new Inputs(samples, failures);
    }

    private Dataset<Row> read(OutputFolder out, String table) throws CommandError {
        try {
            return spark.read().parquet(out.table(table));
        } catch (RuntimeException e) {
            throw new CommandError("cannot read " + out.table(table) + ": " + e.getMessage());
        }
    }
}
