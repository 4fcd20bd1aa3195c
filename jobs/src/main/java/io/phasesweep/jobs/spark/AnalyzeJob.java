package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.AnalysisOptions;
import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.ResampledPoint;
import io.phasesweep.engine.fss.SweepAnalysis;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.tables.AnalysisTables;
import io.phasesweep.jobs.tables.BoundariesTable;
import io.phasesweep.jobs.tables.CurrentRaw;
import io.phasesweep.jobs.tables.ExponentsTable;
import io.phasesweep.jobs.tables.FolderTables;
import io.phasesweep.jobs.tables.NotesTable;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.PointsTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Spark driver of {@code phasesweep analyze}, and the last stage of {@code run}: reads the
 * current rows of {@code raw} ({@link CurrentRaw}: which rows count), averages replicas per point
 * on the executors ({@link PointAggregation}: values, errors and bootstrap resamples), collects the
 * points (never a raw row), and analyses each of the engine's {@link SweepAnalysis#groups} in a task
 * of its own ({@link GroupTasks}), collecting the estimates. Overwrites the
 * derived tables {@code points}, {@code boundaries}, {@code exponents} and {@code notes}; a sweep
 * without an {@code analysis} section gets its {@code points} (and empty estimate tables).
 */
public final class AnalyzeJob {
    private final SparkSession spark;
    private final PrintWriter log;

    public AnalyzeJob(SparkSession spark, PrintWriter log) {
        this.spark = spark;
        this.log = log;
    }

    /** The result of an analysis, and the folder's tables it read or wrote, in memory. */
    public record Analysed(AnalysisResult result, FolderTables tables) {
    }

    /** Analyses the folder's current rows, writes the tables, prints their summary. */
    public AnalysisResult run(OutputFolder out) throws SweepError, CommandError {
        return analyse(out).result();
    }

    /**
     * {@link #run}, keeping the tables it read ({@code runs}) and wrote in memory for a reader in this
     * process ({@link io.phasesweep.jobs.report.Report}): in all, a Spark job to read {@code runs}, one to
     * average the replicas and count what was left out, one for the analysis groups, one per table written.
     */
    public Analysed analyse(OutputFolder out) throws SweepError, CommandError {
        return analyse(out, CurrentRaw.read(spark, out), tables -> { });
    }

    /**
     * {@link #analyse(OutputFolder)} after the run of this process, with the rows of the runs table
     * it wrote when it wrote them all ({@link RunSummary#runsRows}): no Spark job to read them back.
     * {@code meanwhile} gets the tables in memory while they are written (the report's page is
     * rendered then, on the driver's own thread, beside the writes' jobs).
     */
    public Analysed analyseAfter(RunSummary run, OutputFolder out, AnalysisTables.WhileWriting meanwhile)
            throws SweepError, CommandError {
        return analyse(out, run.runsRows() != null ? CurrentRaw.read(spark, out, run.runsRows()) : CurrentRaw.read(spark, out),
                meanwhile);
    }

    private Analysed analyse(OutputFolder out, CurrentRaw raw, AnalysisTables.WhileWriting meanwhile)
            throws SweepError, CommandError {
        SweepSpec spec = raw.spec();
        InterpretedQueries.follow(spark, SweepExpander.count(spec));
        AnalysisOptions options = AnalysisOptions.defaults(spec.seed());
        PointAggregation.Averaged averaged = PointAggregation.points(raw, SweepAnalysis.resamples(spec, options), options.seed());
        List<ResampledPoint> points = averaged.points();
        long okRows = points.stream().mapToLong(ResampledPoint::replicas).sum();
        long failedRows = points.stream().mapToLong(ResampledPoint::failed).sum();
        List<String> notes = new ArrayList<>(raw.notes(averaged.leftOut(), okRows + failedRows));
        if (failedRows > 0) {
            notes.add(failedRows + " failed or timed-out rows at " + points.stream().filter(p -> p.failed() > 0).count()
                    + " points left out: those points average fewer replicas (column failed)");
        }
        AnalysisResult result = SweepAnalysis.combine(spec, raw.model(), points,
                GroupTasks.analyze(spark, raw, SweepAnalysis.groups(spec, points)));
        notes.addAll(result.notes());
        FolderTables tables = new AnalysisTables(spec, ObservableSet.of(raw.model())).write(spark, out, result, notes,
                FolderTables.of(spark, out.toString()).with(RunsTable.NAME, RunsTable.of(spark, raw.runs())), meanwhile);
        if (spec.analysis() != null) {
            AnalysisSummary.print(log, spec, result, notes);
        } else {
            log.printf("%s has no analysis section: %d points averaged, no estimates%n", spec.name(), result.points().size());
            notes.forEach(n -> log.printf("  - %s%n", n));
        }
        log.printf("tables: %s%n        %s%n        %s%n        %s%n", out.table(PointsTable.NAME), out.table(BoundariesTable.NAME),
                out.table(ExponentsTable.NAME), out.table(NotesTable.NAME)).flush();
        return new Analysed(result, tables);
    }
}
