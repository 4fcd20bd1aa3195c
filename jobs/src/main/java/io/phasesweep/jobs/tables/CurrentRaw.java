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
import org.apache.spark.sql.types.DataTypes;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.row_number;
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
 * which the rows are partitioned (one shuffle of raw, which also serves a consumer grouping by it),
 * and {@link #rowsWithStanding} every row of {@code raw} with its {@link #STANDING}, so that a
 * consumer counts what was left out in the same pass ({@link #notes}).
 *
 * <p>The runs table is read once, in one Spark job, and raw with its declared columns (no job to
 * infer them); a small sweep's analysis pays per Spark job, not per row.
 */
public final class CurrentRaw {
    private static final String FINISHED = "_finished";
    private static final String IN_SWEEP = "_in_sweep";
    private static final String STARTED_AT = "_started";
    /**
     * The column {@link #rowsByPointGroup} adds to raw's: the point's key without its replica
     * ({@code size=16|T=2.23}), which names its row of {@code points}.
     */
    public static final String POINT_GROUP = "point_group";
    /**
     * The column {@link #rowsWithStanding} adds: whether the row is {@link #CURRENT} or why it is
     * left out ({@link #UNFINISHED}, {@link #OUTSIDE}, {@link #REPLACED}).
     */
    public static final String STANDING = "standing";
    /** A current row: the one a point's results come from. */
    public static final String CURRENT = "current";
    /** A row of a run that did not finish. */
    public static final String UNFINISHED = "unfinished";
    /** A row of a finished run, of a point not in the sweep. */
    public static final String OUTSIDE = "outside";
    /** A row of a finished run, of a point of the sweep that has a later row (or a better one of the same run). */
    public static final String REPLACED = "replaced";

    private final String runId;
    private final String sweepFile;
    private final SweepSpec spec;
    private final Model model;
    private final List<Row> runs;
    /** Every row of raw with {@link #POINT_GROUP} and {@link #STANDING}, partitioned by point group. */
    private final Dataset<Row> standing;
    private final Column[] rawColumns;

    private CurrentRaw(String runId, String sweepFile, SweepSpec spec, Model model, List<Row> runs, Dataset<Row> standing,
                       Column[] rawColumns) {
        this.runId = runId;
        this.sweepFile = sweepFile;
        this.spec = spec;
        this.model = model;
        this.runs = List.copyOf(runs);
        this.standing = standing;
        this.rawColumns = rawColumns;
    }

    /**
     * Reads the runs table (small) on the driver, in one Spark job, and defines the query over
     * {@code raw}; runs no job over raw.
     */
    public static CurrentRaw read(SparkSession spark, OutputFolder out) throws SweepError, CommandError {
        List<Row> runs;
        try {
            runs = RunsTable.rows(spark, out.table(RunsTable.NAME));
        } catch (RuntimeException e) {
            throw new CommandError("cannot read " + out.table(RunsTable.NAME) + ": " + e.getMessage());
        }
        return read(spark, out, runs);
    }

    /**
     * As {@link #read(SparkSession, OutputFolder)} with the rows of the runs table given: those a run
     * in this process wrote, which no other writer can have changed while it held the folder's lock.
     */
    public static CurrentRaw read(SparkSession spark, OutputFolder out, List<Row> runs) throws SweepError, CommandError {
        Set<String> finished = RunsTable.finishedRunIds(runs);
        if (finished.isEmpty()) {
            throw new CommandError(out + ": the runs table has no completed run: no rows to analyse");
        }
        Row latest = runs.stream().filter(r -> finished.contains(r.<String>getAs("run_id")))
                .max(Comparator.comparing((Row r) -> r.<Timestamp>getAs("started_at")).thenComparing(r -> r.<String>getAs("run_id")))
                .orElseThrow();
        String runId = latest.getAs("run_id");
        String sweepFile = latest.getAs("sweep_file");
        ModelRegistry registry = ModelRegistry.load();
        SweepSpec spec = spec(sweepFile, runId, registry);
        Model model = registry.find(spec.model());
        if (model == null) {
            throw new CommandError("run " + runId + " used model " + spec.model() + ", which is not on the classpath");
        }

        Dataset<Row> raw = RawTable.of(spec, model).read(spark, out.table(RawTable.NAME));
        Column[] rawColumns = Arrays.stream(raw.columns()).map(functions::col).toArray(Column[]::new);
        Column candidate = col(FINISHED).and(col(IN_SWEEP)).and(col(STARTED_AT).isNotNull());
        // one shuffle, by a string key: the window and a consumer grouping by point group reuse its partitioning
        // (double columns as keys would not: Spark normalises them in keys, the partitioning would no longer match)
        Dataset<Row> standing = raw.withColumn(FINISHED, col("run_id").isin(finished.toArray()))
                .withColumn(IN_SWEEP, inSweep(spec))
                .withColumn(STARTED_AT, startedAt(runs))
                .withColumn(POINT_GROUP, pointGroup())
                .repartition(col(POINT_GROUP))
                .withColumn("_rank", row_number().over(Window.partitionBy(col(POINT_GROUP), col("point"))
                        .orderBy(candidate.desc(), col(STARTED_AT).desc(), col("run_id").desc(),
                                col("status").equalTo("ok").desc(), col("wall_ms").asc())))
                .withColumn(STANDING, when(functions.not(col(FINISHED)), UNFINISHED)
                        .when(functions.not(col(IN_SWEEP)), OUTSIDE)
                        .when(candidate.and(col("_rank").equalTo(1)), CURRENT)
                        .otherwise(REPLACED))
                .drop(FINISHED, IN_SWEEP, STARTED_AT, "_rank");
        return new CurrentRaw(runId, sweepFile, spec, model, runs, standing, rawColumns);
    }

    /**
     * A row's point key without its replica: {@code substring(point, 1, length(point) -
     * length(concat('|r=', replica)))}, built as columns rather than parsed from that SQL text, which
     * would start Spark's SQL parser (its grammar's set-up: a few hundred milliseconds of a small
     * sweep's analysis, cold) for this one expression.
     */
    private static Column pointGroup() {
        Column replicaSuffix = concat(lit("|r="), col("replica").cast(DataTypes.StringType));
        return col("point").substr(lit(1), length(col("point")).minus(length(replicaSuffix)));
    }

    /**
     * Each run's start time as a column of raw's rows (null for a run without a started row, whose
     * rows never count): a literal map on the driver, not a join, which would cost a Spark job to
     * broadcast the runs.
     */
    private static Column startedAt(List<Row> runs) {
        Map<String, Timestamp> started = new TreeMap<>();
        runs.stream().filter(r -> RunsTable.STARTED.equals(r.getAs("status")))
                .forEach(r -> started.putIfAbsent(r.getAs("run_id"), r.getAs("started_at")));
        Column ids = array(started.keySet().stream().map(functions::lit).toArray(Column[]::new))
                .cast(DataTypes.createArrayType(DataTypes.StringType));
        Column times = array(started.values().stream().map(functions::lit).toArray(Column[]::new))
                .cast(DataTypes.createArrayType(DataTypes.TimestampType));
        return element_at(map_from_arrays(ids, times), col("run_id"));
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

    /** The rows of the runs table, as read when this was defined. */
    public List<Row> runs() {
        return runs;
    }

    /** The current rows, with the columns of {@code raw}; a lazy query. */
    public Dataset<Row> rows() {
        return rowsByPointGroup().drop(POINT_GROUP);
    }

    /**
     * The current rows with the columns of {@code raw} and {@link #POINT_GROUP}, partitioned by it:
     * grouping them by point group needs no further shuffle.
     */
    public Dataset<Row> rowsByPointGroup() {
        Column[] columns = Arrays.copyOf(rawColumns, rawColumns.length + 1);
        columns[rawColumns.length] = col(POINT_GROUP);
        return standing.where(col(STANDING).equalTo(CURRENT)).select(columns);
    }

    /**
     * Every row of {@code raw} with {@link #POINT_GROUP} and {@link #STANDING}, partitioned by point
     * group: a consumer grouping by point group takes the current rows and counts the others for
     * {@link #notes} in one pass.
     */
    public Dataset<Row> rowsWithStanding() {
        return standing;
    }

    /** Rows of {@code raw} left out, by why (the {@link #STANDING}s other than {@link #CURRENT}). */
    public record LeftOut(long unfinished, long outside, long replacedOk) {
    }

    /**
     * What was left out and what is missing, as sentences for the {@code notes} table: rows of
     * interrupted runs, rows outside the sweep, ok rows replaced by a later row of their point (a
     * duplicate), points of the sweep without a row. The counts come from the consumer of
     * {@link #rowsWithStanding}, which has them anyway: no Spark job here.
     *
     * @param currentRows the number of current rows (one per point that has a row)
     */
    public List<String> notes(LeftOut leftOut, long currentRows) {
        List<String> notes = new ArrayList<>();
        if (leftOut.unfinished() > 0) {
            notes.add(leftOut.unfinished() + " raw rows of interrupted runs left out (finish them with phasesweep run FILE --resume)");
        }
        if (leftOut.outside() > 0) {
            notes.add(leftOut.outside() + " raw rows of points not in the sweep of run " + runId + " left out");
        }
        if (leftOut.replacedOk() > 0) {
            notes.add(leftOut.replacedOk() + " ok rows left out whose point has another row (a duplicate, or a later run's):"
                    + " each point counts once, with its latest row");
        }
        long missing = SweepExpander.count(spec) - currentRows;
        if (missing > 0) {
            notes.add(missing + " points of the sweep have no row yet");
        }
        return notes;
    }
}
