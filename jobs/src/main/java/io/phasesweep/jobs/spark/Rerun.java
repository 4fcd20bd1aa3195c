package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.CurrentRaw;
import io.phasesweep.jobs.tables.RawTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * A run reproduced from its row of {@code runs}: the sweep file as it was written, run again, and
 * the new rows compared with the old. Rows must be identical except for the run id and the wall
 * time (and the message of a timeout, which depends on the machine's load).
 */
public final class Rerun {
    /** Columns that may differ between a run and its reproduction. */
    public static final List<String> MAY_DIFFER = List.of("run_id", "wall_ms", "error");
    /**
     * Time limit of a point whose sweep sets none (as {@code run}'s default): a timeout depends on
     * the machine, so a sweep that must reproduce exactly keeps its points well inside it.
     */
    public static final double TIME_LIMIT_SECONDS = 3600;

    /** A run of {@code runs} and its sweep. */
    public record Recorded(String runId, SweepFile sweep) {
    }

    private Rerun() {
    }

    /** Run {@code runId}, or the latest run when null. */
    public static Recorded recorded(SparkSession spark, OutputFolder dir, String runId) throws CommandError {
        Dataset<Row> runs = RunsTable.read(spark, dir.table(RunsTable.NAME));
        if (runId != null) {
            runs = runs.where(col("run_id").equalTo(runId));
        }
        List<Row> rows = runs.orderBy(col("started_at").desc()).limit(1).collectAsList();
        if (rows.isEmpty()) {
            throw new CommandError(dir.table(RunsTable.NAME) + " has no run" + (runId == null ? "" : " with run_id " + runId));
        }
        String id = rows.get(0).getAs("run_id");
        String text = rows.get(0).getAs("sweep_file");
        ModelRegistry registry = ModelRegistry.load();
        try {
            SweepSpec spec = SweepParser.parse(text, dir.table(RunsTable.NAME) + " (run " + id + ")", registry);
            return new Recorded(id, new SweepFile(text, spec, registry.find(spec.model())));
        } catch (SweepError e) {
            throw new CommandError("cannot reproduce the run: " + e.getMessage());
        }
    }

    /** Rows of one set that the other lacks, both ways, comparing every column but {@link #MAY_DIFFER}. */
    public static long differences(Dataset<Row> a, Dataset<Row> b) {
        Dataset<Row> ca = comparable(a);
        Dataset<Row> cb = comparable(b);
        return ca.exceptAll(cb).count() + cb.exceptAll(ca).count();
    }

    private static Dataset<Row> comparable(Dataset<Row> raw) {
        Column[] kept = Arrays.stream(raw.columns()).filter(c -> !MAY_DIFFER.contains(c)).sorted().map(c -> col(c))
                .toArray(Column[]::new);
        return raw.select(kept);
    }

    /**
     * Runs the recorded sweep into {@code target} and compares its rows with the original folder's
     * current rows of the same points ({@link CurrentRaw}: the complete sweep, whichever runs
     * wrote it, e.g. a run and the {@code --resume} that finished it). Points the original has no
     * current row of (an interrupted run's) are counted apart, not as differences. Returns the
     * number of differing rows.
     */
    public static long reproduce(SparkSession spark, OutputFolder dir, String runId, OutputFolder target, PrintWriter log)
            throws SweepError, CommandError {
        Recorded original = recorded(spark, dir, runId);
        RunSummary run = new RunJob(spark, TIME_LIMIT_SECONDS, log).run(original.sweep(), target, false);
        Dataset<Row> again = spark.read().parquet(target.table(RawTable.NAME)).where(col("run_id").equalTo(run.runId()));
        // shuffle joins, never broadcast ones: broadcasting one side's points would gather raw's rows on the driver
        Dataset<Row> before = CurrentRaw.read(spark, dir).rows().join(again.select("point").hint("shuffle_merge"), "point")
                .select(Arrays.stream(again.columns()).map(functions::col).toArray(Column[]::new));
        Dataset<Row> compared = again.join(before.select("point").hint("shuffle_merge"), "point")
                .select(Arrays.stream(again.columns()).map(functions::col).toArray(Column[]::new));
        long absent = again.count() - compared.count();
        long differ = differences(before, compared);
        log.printf("rerun of %s into %s: %s%s%n", original.runId(), target, differ == 0
                ? compared.count() + " rows identical (all columns but " + String.join(", ", MAY_DIFFER) + ")"
                : differ + " rows differ", absent == 0 ? ""
                : "; " + absent + " points have no current row in " + dir + " (an unfinished run's) and were not compared").flush();
        return differ;
    }
}
