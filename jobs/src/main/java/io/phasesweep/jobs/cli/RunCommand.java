package io.phasesweep.jobs.cli;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.progress.Progress;
import io.phasesweep.jobs.report.Report;
import io.phasesweep.jobs.spark.AnalyzeJob;
import io.phasesweep.jobs.spark.InterpretedQueries;
import io.phasesweep.jobs.spark.RefineJob;
import io.phasesweep.jobs.spark.RunJob;
import io.phasesweep.jobs.spark.RunSummary;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import io.phasesweep.jobs.tables.RunsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code phasesweep run FILE}: runs every point of a sweep on Spark and writes {@code raw} and
 * {@code runs}, then, when the sweep has an analysis section, the analysis tables ({@link AnalyzeJob});
 * with a refine section, rounds of analyse, plan and run ({@link RefineJob}).
 */
@Command(name = "run", description = "Run a sweep on Spark; write the raw and runs tables (Parquet),"
        + " then analyse them when the sweep has an analysis section.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the sweep file (YAML)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder, any Hadoop path (default: out/<sweep name>)")
    String out;

    @Mixin
    SparkOptions sparkOptions;

    /** A point's time limit unless the sweep's budget or --time-limit sets one. */
    static final int DEFAULT_TIME_LIMIT_SECONDS = 3600;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_TIME_LIMIT_SECONDS,
            description = "time limit per point unless the sweep's budget sets time_limit (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--json-progress",
            description = "progress as JSON lines on stdout (start, progress, done); other messages go to stderr")
    boolean jsonProgress;

    @Option(names = "--overwrite", description = "delete the tables of an earlier run in the output folder first")
    boolean overwrite;

    @Option(names = "--resume", description = "keep the earlier runs' rows in the output folder; run only the points"
            + " without an ok row (missing, failed or timed out)")
    boolean resume;

    /** Null when not given: up to {@link RunJob#DEFAULT_WAVES}, fewer by the first wave's pace ({@link RunJob#timedWaves}). */
    @Option(names = "--waves", paramLabel = "N",
            description = "write raw in up to N waves, each committed when done, so a stopped run keeps its finished"
                    + " waves for --resume (default: up to " + RunJob.DEFAULT_WAVES + ", each after the first at least "
                    + RunJob.MIN_WAVE_SECONDS + " s long by the first's pace; more where a wave would bring the driver"
                    + " more than " + RunJob.WAVE_VALUES + " values of raw, rows x columns)")
    Integer waves;

    @Option(names = "--max-points", paramLabel = "N", defaultValue = "1000000",
            description = "refuse a sweep of more points than this (default: ${DEFAULT-VALUE})")
    long maxPoints;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SweepError, CommandError {
        sparkOptions.initialiseReflectionAhead();
        if (maxPoints < 1) {
            throw new CommandError("--max-points: expected a positive integer, got " + maxPoints);
        }
        if (!(timeLimit > 0)) {
            throw new CommandError("--time-limit: expected a positive number of seconds, got " + timeLimit);
        }
        SweepFile sweep = SweepFile.load(file, ModelRegistry.load(),
                SweepParser.Limits.DEFAULT.withMaxPoints(maxPoints).withTimeLimit(timeLimit));
        if (waves != null && waves < 1) {
            throw new CommandError("--waves: expected a positive integer, got " + waves);
        }
        if (overwrite && resume) {
            throw new CommandError("--overwrite and --resume: choose one");
        }
        OutputFolder.Existing existing = overwrite ? OutputFolder.Existing.OVERWRITE
                : resume ? OutputFolder.Existing.RESUME : OutputFolder.Existing.REFUSE;
        String dir = out != null ? out : "out/" + sweep.spec().name();
        sparkOptions.defaultTo(InterpretedQueries.atStart(SweepExpander.count(sweep.spec()), sparkOptions::userSets));
        // before Spark starts: a folder that cannot be used costs no Spark start-up
        try (OutputFolder folder = OutputFolder.prepareLocked(sparkOptions.hadoopConfiguration(), dir, existing,
                "phasesweep run " + file)) {
            return run(sweep, folder);
        }
    }

    private int run(SweepFile sweep, OutputFolder folder) throws SweepError, CommandError {
        PrintWriter stdout = command.commandLine().getOut();
        PrintWriter log = jsonProgress ? command.commandLine().getErr() : stdout;
        Progress.Output progress = new Progress.Output(
                jsonProgress ? Progress.Style.JSON : quiet ? Progress.Style.QUIET : Progress.Style.TEXT,
                stdout, !jsonProgress && System.console() != null);
        return sparkOptions.withSession("phasesweep " + sweep.spec().name(), spark -> {
            log.printf("Spark %s, master %s%n", spark.version(), spark.sparkContext().master());
            if (sweep.spec().refine() != null) {
                RefineJob.Outcome refined = new RefineJob(spark, timeLimit, mostWaves(), log, progress).run(sweep, folder, resume);
                log.printf("refine: stopped after round %d (%s)%n", refined.rounds(), refined.stop().column());
                Report.writeIfAnalysed(spark, folder.toString()).ifPresent(page -> log.printf("report: %s%n", page).flush());
                return 0;
            }
            long started = System.nanoTime();
            RunJob job = new RunJob(spark, timeLimit, mostWaves(), log, progress);
            RunSummary run = (waves == null ? job.timedWaves() : job).run(sweep, folder, resume);
            double runSeconds = seconds(started);
            Progress.done(progress, run);
            log.printf("%d points: %d ok, %d failed, %d timeout in %.1f s%n", run.total(), run.ok(), run.failed(),
                    run.timeout(), runSeconds);
            log.printf("tables: %s (run_id %s)%n        %s%n", folder.table(RawTable.NAME), run.runId(), folder.table(RunsTable.NAME));
            log.flush();
            long analysed = System.nanoTime();
            // the report's page is rendered while the analysis' tables are written, and written after them
            AtomicReference<Report.Page> page = new AtomicReference<>();
            new AnalyzeJob(spark, log).analyseAfter(run, folder, tables -> page.set(Report.render(spark, tables)));
            double analysisSeconds = seconds(analysed);
            log.printf("analysis: %.1f s, %.1f %% of the run's %.1f s%n", analysisSeconds, 100 * analysisSeconds / runSeconds,
                    runSeconds).flush();
            // from the tables the analysis just wrote, in memory: nothing read back
            log.printf("report: %s%n", page.get().write()).flush();
            return 0;
        });
    }

    private int mostWaves() {
        return waves != null ? waves : RunJob.DEFAULT_WAVES;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
