package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.run.MeasuredCost;
import io.phasesweep.engine.run.PointRunner;
import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.progress.Progress;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintWriter;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.IntUnaryOperator;

/**
 * The Spark driver of {@code phasesweep run}: expands the sweep into units of work, spreads them
 * longest-first over tasks ({@link Bins#factoring}: tasks that shrink as a wave goes on, each of
 * many points where points are short; priced, once anything is measured, by the wall times of
 * this run's finished points and on {@code --resume} of the folder's, {@link MeasuredCost}), runs
 * each through the engine's {@link PointRunner} on the executors, appends the rows to {@code raw},
 * and records the run in {@code runs} as started before and as completed after.
 *
 * <p>The work runs in waves: the tasks of a wave run its points and return their rows to the
 * driver (a collect, which keeps one result per task however often Spark retried or speculated
 * it), and the driver writes the wave's rows in one Spark write job while the next wave's points
 * run. The rows of a write become visible together when Spark's commit protocol commits it, so
 * a run that is stopped keeps its committed waves for {@code --resume} (it loses the wave being
 * written and the one running), and no row is written twice. The driver holds at most two
 * waves' rows, each at most {@link #WAVE_VALUES} values. Rows do not depend on the partitioning:
 * every seed follows from the sweep's seed and the point's key.
 */
public final class RunJob {
    /**
     * Waves (write jobs) a run is split into at most, unless told otherwise ({@code run --waves})
     * or its waves would exceed {@link #WAVE_VALUES}.
     */
    public static final int DEFAULT_WAVES = 10;
    /** With {@link #timedWaves}, the shortest wave after the first, in seconds by the first wave's pace. */
    public static final int MIN_WAVE_SECONDS = 30;
    /**
     * The most values (rows × columns of {@code raw}) a wave brings to the driver, which holds a
     * wave's rows until it has written them, and the next wave's as they arrive; a bigger sweep
     * runs in more waves than asked for. A million values is about 34 000 rows of a 2D Ising
     * sweep's 29 columns (11 fixed, 3 parameters, 5 observables with their errors and times).
     */
    public static final long WAVE_VALUES = 1_000_000;

    private final SparkSession spark;
    private final double defaultLimitSeconds;
    private final int waves;
    private final PrintWriter log;
    private final Progress.Output progress;
    private final boolean timed;
    private final long waveValues;

    /** A run in at most {@link #DEFAULT_WAVES} waves with progress as text lines in {@code log}. */
    public RunJob(SparkSession spark, double defaultLimitSeconds, PrintWriter log) {
        this(spark, defaultLimitSeconds, DEFAULT_WAVES, log);
    }

    /**
     * @param defaultLimitSeconds time limit of a point whose sweep has no {@code time_limit} budget
     * @param waves               the most write jobs (commits) the work is split into
     * @param log                 where messages and progress lines go
     */
    public RunJob(SparkSession spark, double defaultLimitSeconds, int waves, PrintWriter log) {
        this(spark, defaultLimitSeconds, waves, log, Progress.Output.text(log));
    }

    /** @param progress how and where progress is shown */
    public RunJob(SparkSession spark, double defaultLimitSeconds, int waves, PrintWriter log, Progress.Output progress) {
        this(spark, defaultLimitSeconds, waves, log, progress, false, WAVE_VALUES);
    }

    private RunJob(SparkSession spark, double defaultLimitSeconds, int waves, PrintWriter log, Progress.Output progress,
                   boolean timed, long waveValues) {
        this.spark = spark;
        this.defaultLimitSeconds = defaultLimitSeconds;
        this.waves = waves;
        this.log = log;
        this.progress = progress;
        this.timed = timed;
        this.waveValues = waveValues;
    }

    /**
     * This run with its waves after the first re-planned by the first wave's pace: fewer, each
     * lasting at least {@link #MIN_WAVE_SECONDS}, up to the same most. A small sweep then pays a
     * wave's commit (a Spark job and a file) twice instead of ten times; a long one runs as before.
     */
    public RunJob timedWaves() {
        return new RunJob(spark, defaultLimitSeconds, waves, log, progress, true, waveValues);
    }

    /** This run with at most {@code most} values (rows × columns) of {@code raw} in a wave, not {@link #WAVE_VALUES}. */
    RunJob waveValues(long most) {
        return new RunJob(spark, defaultLimitSeconds, waves, log, progress, timed, most);
    }

    /** Runs every point of the sweep (no {@code --resume}). */
    public RunSummary run(SweepFile sweep, OutputFolder out) throws CommandError {
        return run(sweep, out, false);
    }

    /**
     * Runs the sweep, each wave in tasks by {@link Bins#factoring}. With {@code resume}, points that
     * already have an ok row in the folder are skipped (see {@link Resume}).
     */
    public RunSummary run(SweepFile sweep, OutputFolder out, boolean resume) throws CommandError {
        int cores = cores();
        return run(sweep, out, resume, (wave, smallest) -> Bins.factoring(wave, cores, smallest));
    }

    /** Runs the sweep with {@code bins.applyAsInt(n)} bins for a wave of n groups, whatever their costs. */
    RunSummary run(SweepFile sweep, OutputFolder out, boolean resume, IntUnaryOperator bins) throws CommandError {
        return run(sweep, out, resume, (wave, smallest) -> Bins.longestFirst(wave, Math.min(bins.applyAsInt(wave.size()),
                wave.size())));
    }

    /** How a wave's groups become tasks, given the smallest task worth its cost, in the groups' unit of cost. */
    @FunctionalInterface
    private interface Tasks {
        List<List<PointGroup>> of(List<PointGroup> wave, double smallest);
    }

    private RunSummary run(SweepFile sweep, OutputFolder out, boolean resume, Tasks tasks) throws CommandError {
        SweepSpec spec = sweep.spec();
        InterpretedQueries.follow(spark, SweepExpander.count(spec));
        Model model = sweep.model();
        List<PointGroup> all = SweepExpander.groups(spec, model);
        Resume earlier = resume ? Resume.read(spark, out, sweep, ModelRegistry.load(), all) : Resume.NOTHING;
        Instant started = Instant.now();
        String runId = spec.name() + "-" + started.toString().replaceAll("[-:]|\\.\\d+", "")
                + "-" + UUID.randomUUID().toString().substring(0, 8);

        List<PointGroup> groups = new ArrayList<>();
        // points of a whole-axis group that must run again for the others, but already have an ok row
        HashSet<String> skip = new HashSet<>();
        for (PointGroup g : all) {
            List<String> keys = g.points().stream().map(Point::key).toList();
            if (!keys.stream().allMatch(earlier::ok)) {
                groups.add(g);
                keys.stream().filter(earlier::ok).forEach(skip::add);
            }
        }
        long total = groups.stream().mapToLong(g -> g.points().size()).sum() - skip.size();
        // the finished points' wall times balance the tasks better than the model's estimates: the folder's
        // on a resumed run, then this run's own as its waves finish
        List<Point> points = all.stream().flatMap(g -> g.points().stream()).toList();
        Map<String, Double> secondsBySite = earlier.resumed() ? MeasuredCosts.secondsBySite(spark, out) : new HashMap<>();
        MeasuredCost costs = MeasuredCost.of(points, MeasuredCost.perPoint(model), secondsBySite);
        RawTable table = RawTable.of(spec, model);
        List<List<PointGroup>> parts = Bins.inWaves(costs.priced(groups), cores(), waves, leastWaves(groups, table));
        log.printf("%s: %d points to run in %d groups, %s%d waves, run %s%n", spec.name(), total, groups.size(),
                timed && parts.size() > 2 ? "up to " : "", parts.size(), runId).flush();
        if (resume) {
            log.printf("resume: %d points of the sweep already ok in %s%n", earlier.okPoints(), out).flush();
        }

        // a folder without runs rows before: the analysis after the run gets them from here, not from a Spark job
        boolean runsKnown = !out.hasTable(RunsTable.NAME);
        Row startedRow = RunsTable.started(spark, out.table(RunsTable.NAME), sweep, runId, started);
        LongAccumulator done = spark.sparkContext().longAccumulator("points done");
        LongAccumulator failed = spark.sparkContext().longAccumulator("points failed");
        LongAccumulator timedOut = spark.sparkContext().longAccumulator("points timed out");
        SiteSeconds measured = new SiteSeconds();
        // unnamed: Spark reads a named accumulator's whole value after every task and keeps its text
        // per task in the status store, which grows with sites x tasks (review: 126 MB after 85 tasks
        // of 1e5 sites); nothing here reads it by name
        spark.sparkContext().register(measured);
        Progress shown = new Progress(done, failed, total, progress);
        shown.start(spark.sparkContext().uiWebUrl().getOrElse(() -> null));
        spark.sparkContext().addSparkListener(shown);
        Counts counts = new Counts(done, failed, timedOut, measured);
        long wavesStarted = System.nanoTime();
        int taskCount = 0;
        JavaFutureAction<List<Row>> running = null;
        try {
            // the rows of the wave before, written while this wave's points run: the write's one task
            // takes the first core this wave leaves free (Spark hands out the earlier job's tasks first)
            List<Row> finished = null;
            for (int w = 0; w < parts.size(); w++) {
                List<PointGroup> wave = parts.get(w);
                long waveStarted = System.nanoTime();
                List<List<PointGroup>> work = tasks.of(wave, Bins.smallest(wave, cores(), costs.measured()));
                taskCount += work.size();
                running = runBins(work, model.id(), table, runId, skip, counts).collectAsync();
                if (finished != null) {
                    write(finished, table, out);
                }
                finished = rows(running);
                running = null;
                if (timed && w == 0 && parts.size() > 2) {
                    parts = rest(parts, (System.nanoTime() - waveStarted) / 1e9, table);
                }
                if (w + 1 < parts.size()) {
                    secondsBySite.putAll(measured.value());
                    costs = MeasuredCost.of(points, MeasuredCost.perPoint(model), secondsBySite);
                    parts = priced(parts, w + 1, costs);
                }
            }
            if (finished != null) {
                write(finished, table, out);
            }
        } finally {
            if (running != null) {
                running.cancel(true);
            }
            spark.sparkContext().removeSparkListener(shown);
            shown.finish();
        }
        double wavesSeconds = (System.nanoTime() - wavesStarted) / 1e9;
        // how busy the points kept the cores: the rest is Spark's and the writes' time, and cores idle at a wave's end
        if (taskCount > 0) {
            log.printf("%d waves in %d tasks: the ok points ran %.1f s, %.0f %% of %d cores over the waves' %.1f s%n",
                    parts.size(), taskCount, measured.seconds(), 100 * measured.seconds() / (cores() * wavesSeconds), cores(),
                    wavesSeconds).flush();
        }

        // Each wave's points run in one result stage (the collect), whose tasks' accumulator updates Spark
        // applies once per partition, from the attempt whose result it kept: exactly the rows written,
        // without reading raw back. That holds only while runBins's rows reach the collect without a
        // shuffle: a shuffle would put the points in a map stage, whose updates Spark applies again when
        // it resubmits the stage.
        RunSummary summary = new RunSummary(runId, total, done.value() - failed.value(),
                failed.value() - timedOut.value(), timedOut.value());
        Row completedRow = RunsTable.completed(spark, out.table(RunsTable.NAME), sweep, summary, started, Instant.now(),
                earlier.runIds());
        // raw has changed: what an earlier analysis derived from it no longer holds
        out.removeDerived();
        return runsKnown ? summary.withRunsRows(List.of(startedRow, completedRow)) : summary;
    }

    /**
     * The first wave, then the other waves' groups in as many waves as keep each at least
     * {@link #MIN_WAVE_SECONDS} long at the first wave's pace (its wall time per unit of cost,
     * start-up included, so rather more waves than fewer).
     */
    private List<List<PointGroup>> rest(List<List<PointGroup>> parts, double firstSeconds, RawTable table) {
        List<PointGroup> rest = parts.subList(1, parts.size()).stream().flatMap(List::stream).toList();
        double secondsPerCost = firstSeconds / parts.get(0).stream().mapToDouble(PointGroup::cost).sum();
        double restSeconds = rest.stream().mapToDouble(PointGroup::cost).sum() * secondsPerCost;
        List<List<PointGroup>> replanned = new ArrayList<>();
        replanned.add(parts.get(0));
        replanned.addAll(Bins.inWaves(rest, cores(), Bins.timedWaves(restSeconds, MIN_WAVE_SECONDS, parts.size() - 1),
                leastWaves(rest, table)));
        return replanned;
    }

    /** The fewest waves that keep each wave's rows within {@link #waveValues} values, as the groups' points are dealt. */
    private int leastWaves(List<PointGroup> groups, RawTable table) {
        long values = groups.stream().mapToLong(g -> g.points().size()).sum() * table.schema().size();
        return (int) Math.min(Integer.MAX_VALUE, (values + waveValues - 1) / waveValues);
    }

    /** The waves from {@code from} on with their groups priced by {@code costs}; the ones before as they are. */
    private static List<List<PointGroup>> priced(List<List<PointGroup>> parts, int from, MeasuredCost costs) {
        List<List<PointGroup>> out = new ArrayList<>(parts.subList(0, from));
        parts.subList(from, parts.size()).forEach(wave -> out.add(costs.priced(wave)));
        return out;
    }

    /**
     * A wave's rows into {@code raw} in one write job of one task: one file, committed whole by
     * Spark's commit protocol. The points' tasks only returned their rows: a task that writes a
     * file costs 20-35 ms of CPU (its writer, its file, its commit), one that returns its rows
     * a few ms, so the points' tasks can be short and end a wave closer together.
     */
    private void write(List<Row> rows, RawTable table, OutputFolder out) {
        spark.createDataFrame(rows, table.schema()).coalesce(1).write().mode(SaveMode.Append).parquet(out.table(RawTable.NAME));
    }

    /** A wave's rows once its tasks are done; a failed job fails with its message, as a collect would. */
    private static List<Row> rows(JavaFutureAction<List<Row>> job) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while the points ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private int cores() {
        return spark.sparkContext().defaultParallelism();
    }

    /** What the tasks count for the driver: points done, failed, timed out, and the ok points' wall times. */
    private record Counts(LongAccumulator done, LongAccumulator failed, LongAccumulator timedOut, SiteSeconds measured)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        void add(RawRecord r) {
            done.add(1);
            if (r.status() != RawRecord.Status.OK) {
                failed.add(1);
            }
            if (r.status() == RawRecord.Status.TIMEOUT) {
                timedOut.add(1);
            }
            measured.add(r);
        }
    }

    private JavaRDD<Row> runBins(List<List<PointGroup>> work, String modelId, RawTable table, String runId,
                                 HashSet<String> skip, Counts counts) {
        double limit = defaultLimitSeconds;
        // numSlices = bins: Spark slices a list of n elements into n partitions of one element each.
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(work, work.size())
                .flatMap(bin -> {
                    // Models are not serializable: each executor finds the model by id on its classpath.
                    Model m = ModelRegistry.load().find(modelId);
                    if (m == null) {
                        throw new IllegalStateException("model " + modelId + " is not on the executor's classpath (--jars?)");
                    }
                    PointRunner runner = new PointRunner(m, limit);
                    List<Row> out = new ArrayList<>();
                    // the bin's units in one call: its thread runs them one after the other, no hand-over per point
                    for (RawRecord r : runner.run(bin)) {
                        if (!skip.contains(r.point().key())) {
                            out.add(table.row(r, runId));
                            counts.add(r);
                        }
                    }
                    return out.iterator();
                });
    }
}
