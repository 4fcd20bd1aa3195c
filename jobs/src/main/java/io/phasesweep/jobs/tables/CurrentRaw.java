package io.phasesweep.jobs.tables;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.PointBlock;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The current rows of {@code raw}: the one definition of which rows a sweep's results come from,
 * as a Spark query (nothing of {@code raw} is collected to the driver).
 * <ol>
 *   <li>Rows of finished runs only ({@link RunsTable#finishedRunIds}: completed runs and the
 *       interrupted runs a completed {@code --resume} run took over). An interrupted run's rows are
 *       left out until a {@code --resume} run completes it.</li>
 *   <li>Only points of the sweep as the latest finished run defines it (its sweep file text,
 *       re-parsed without a point limit: the run already accepted its size): size in its sizes,
 *       replica below its replica count, each axis value among the axis' values at that size; or
 *       a point its {@code refine} section lists as added by a round.
 *       Rows of sizes, replicas or axis values a later sweep file dropped are left out.</li>
 *   <li>One row per point: the row of the latest run (by start time, then run id). Rows of one
 *       point in one run (a duplicate, e.g. from two runs writing one folder) are ordered ok first,
 *       then by wall time, so the choice is deterministic; {@link #notes} counts the ok rows left
 *       out this way.</li>
 * </ol>
 * The columns are those of {@code raw}; {@link #rowsByPointGroup} adds {@link #POINT_GROUP}, by
 * which the rows are partitioned (one shuffle of raw, which also serves a consumer grouping by it).
 */
public final class CurrentRaw {
    private static final String FINISHED = "_finished";
    private static final String IN_SWEEP = "_in_sweep";
    /**
     * The column {@link #rowsByPointGroup} adds to raw's: the point's key without its replica
     * ({@code size=16|T=2.23}), which names its row of {@code points}.
     */
    public static final String POINT_GROUP = "point_group";

    private final String runId;
    private final String sweepFile;
    private final SweepSpec spec;
    private final Model model;
    private final Dataset<Row> tagged;
    /** The current rows with {@link #POINT_GROUP}, partitioned by it. */
    private final Dataset<Row> byPointGroup;

    private CurrentRaw(String runId, String sweepFile, SweepSpec spec, Model model, Dataset<Row> tagged,
                       Dataset<Row> byPointGroup) {
        this.runId = runId;
        this.sweepFile = sweepFile;
        this.spec = spec;
        this.model = model;
        this.tagged = tagged;
        this.byPointGroup = byPointGroup;
    }

    /** Reads the runs table (small) on the driver and defines the query over {@code raw}; runs no job over raw. */
    public static CurrentRaw read(SparkSession spark, OutputFolder out) throws SweepError, CommandError {
        Dataset<Row> runs = readTable(spark, out, RunsTable.NAME);
        Set<String> finished = RunsTable.finishedRunIds(spark, out.table(RunsTable.NAME));
        if (finished.isEmpty()) {
            throw new CommandError(out + ": the runs table has no completed run: no rows to analyse");
        }
        Dataset<Row> started = runs.where(col("status").equalTo(RunsTable.STARTED))
                .select(col("run_id").as("_run"), col("started_at").as("_started"));
        Row latest = runs.where(col("run_id").isin(finished.toArray()))
                .orderBy(col("started_at").desc(), col("run_id").desc())
                .select("run_id", "sweep_file").first();
        String runId = latest.getString(0);
        String sweepFile = latest.getString(1);
        ModelRegistry registry = ModelRegistry.load();
        SweepSpec spec = spec(sweepFile, runId, registry);
        Model model = registry.find(spec.model());
        if (model == null) {
            throw new CommandError("run " + runId + " used model " + spec.model() + ", which is not on the classpath");
        }

        Dataset<Row> raw = readTable(spark, out, RawTable.NAME);
        RawTable.of(spec, model).requireColumnsOf(raw, out.table(RawTable.NAME));
        Dataset<Row> tagged = raw.withColumn(FINISHED, col("run_id").isin(finished.toArray()))
                .withColumn(IN_SWEEP, inSweep(spec));
        List<Column> columns = new ArrayList<>(Arrays.stream(raw.columns()).map(functions::col).toList());
        columns.add(col(POINT_GROUP));
        // one shuffle, by a string key: the window and a consumer grouping by point group reuse its partitioning
        // (double columns as keys would not: Spark normalises them in keys, the partitioning would no longer match)
        Dataset<Row> current = tagged.where(col(FINISHED).and(col(IN_SWEEP)))
                .join(functions.broadcast(started), col("run_id").equalTo(col("_run")))
                .withColumn(POINT_GROUP, expr("substring(point, 1, length(point) - length(concat('|r=', replica)))"))
                .repartition(col(POINT_GROUP))
                .withColumn("_rank", row_number().over(Window.partitionBy(col(POINT_GROUP), col("point"))
                        .orderBy(col("_started").desc(), col("run_id").desc(), col("status").equalTo("ok").desc(),
                                col("wall_ms").asc())))
                .where(col("_rank").equalTo(1))
                .select(columns.toArray(Column[]::new));
        return new CurrentRaw(runId, sweepFile, spec, model, tagged, current);
    }

    /**
     * The sweep of run {@code runId} from the text of its sweep file, without a point limit (the run
     * already accepted its size): as {@link #read} defines it, for a JVM that has the text only (an
     * executor).
     */
    public static SweepSpec spec(String sweepFile, String runId, ModelRegistry registry) throws SweepError {
        return SweepParser.parse(sweepFile, "runs[" + runId + "].sweep_file", registry,
                SweepParser.Limits.DEFAULT.withMaxPoints(Long.MAX_VALUE));
    }

    /**
     * Size, replica and axis values of a point of the sweep (its key's parts, as numbers), or of a
     * point a refinement round added.
     */
    private static Column inSweep(SweepSpec spec) {
        Column any = lit(false);
        for (int size : spec.sizes()) {
            Column at = col("size").equalTo(size);
            for (Axis axis : spec.axes()) {
                at = at.and(col(axis.name()).isin(Arrays.stream(axis.values(size)).boxed().toArray()));
            }
            any = any.or(at);
        }
        any = any.and(col("replica").geq(0)).and(col("replica").lt(spec.replicas()));
        for (PointBlock b : spec.added()) {
            Column at = col("size").equalTo(b.size())
                    .and(col("replica").geq(b.firstReplica())).and(col("replica").lt(b.firstReplica() + b.replicas()));
            for (Axis axis : spec.axes()) {
                at = at.and(col(axis.name()).isin(b.values().get(axis.name()).toArray()));
            }
            any = any.or(at);
        }
        return any;
    }

    private static Dataset<Row> readTable(SparkSession spark, OutputFolder out, String table) throws CommandError {
        try {
            return spark.read().parquet(out.table(table));
        } catch (RuntimeException e) {
            throw new CommandError("cannot read " + out.table(table) + ": " + e.getMessage());
        }
    }

    /** The latest finished run, whose sweep file defines the sweep. */
    public String runId() {
        return runId;
    }

    /** The text of the latest finished run's sweep file, which {@link #spec} is parsed from. */
    public String sweepFile() {
        return sweepFile;
    }

    public SweepSpec spec() {
        return spec;
    }

    public Model model() {
        return model;
    }

    /** The current rows, with the columns of {@code raw}; a lazy query. */
    public Dataset<Row> rows() {
        return byPointGroup.drop(POINT_GROUP);
    }

    /**
     * The current rows with the columns of {@code raw} and {@link #POINT_GROUP}, partitioned by it:
     * grouping them by point group needs no further shuffle.
     */
    public Dataset<Row> rowsByPointGroup() {
        return byPointGroup;
    }

    /**
     * What was left out and what is missing, as sentences for the {@code notes} table: rows of
     * interrupted runs, rows outside the sweep, ok rows replaced by a later row of their point (a
     * duplicate), points of the sweep without a row. One Spark job over {@code raw} (no shuffle);
     * the counts of the current rows come from their consumer, which has them anyway.
     *
     * @param currentRows the number of current rows (one per point that has a row)
     * @param currentOk   how many of them are ok
     */
    public List<String> notes(long currentRows, long currentOk) {
        Column current = col(FINISHED).and(col(IN_SWEEP));
        Row c = tagged.agg(
                        sum(when(functions.not(col(FINISHED)), 1).otherwise(0)),
                        sum(when(col(FINISHED).and(functions.not(col(IN_SWEEP))), 1).otherwise(0)),
                        sum(when(current.and(col("status").equalTo("ok")), 1).otherwise(0)))
                .first();
        long unfinished = c.isNullAt(0) ? 0 : c.getLong(0);
        long outside = c.isNullAt(1) ? 0 : c.getLong(1);
        long replacedOk = (c.isNullAt(2) ? 0 : c.getLong(2)) - currentOk;
        List<String> notes = new ArrayList<>();
        if (unfinished > 0) {
            notes.add(unfinished + " raw rows of interrupted runs left out (finish them with phasesweep run FILE --resume)");
        }
        if (outside > 0) {
            notes.add(outside + " raw rows of points not in the sweep of run " + runId + " left out");
        }
        if (replacedOk > 0) {
            notes.add(replacedOk + " ok rows left out whose point has another row (a duplicate, or a later run's):"
                    + " each point counts once, with its latest row");
        }
        long missing = SweepExpander.count(spec) - currentRows;
        if (missing > 0) {
            notes.add(missing + " points of the sweep have no row yet");
        }
        return notes;
    }
}
