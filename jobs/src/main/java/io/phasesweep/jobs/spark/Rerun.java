package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

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
    public static Recorded recorded(SparkSession spark, String dir, String runId) throws CommandError {
        Dataset<Row> runs = spark.read().parquet(dir + "/runs");
        if (runId != null) {
            runs = runs.where(col("run_id").equalTo(runId));
        }
        List<Row> rows = runs.orderBy(col("started_at").desc()).limit(1).collectAsList();
        if (rows.isEmpty()) {
            throw new CommandError(dir + "/runs has no run" + (runId == null ? "" : " with run_id " + runId));
        }
        String id = rows.get(0).getAs("run_id");
        String text = rows.get(0).getAs("sweep_file");
        ModelRegistry registry = ModelRegistry.load();
        try {
            SweepSpec spec = SweepParser.parse(text, dir + "/runs (run " + id + ")", registry);
            return new Recorded(id, new SweepFile(text, spec, registry.find(spec.model())));
        } catch (SweepError e) {
            throw new CommandError("cannot reproduce the run: " + e.getMessage());
        }
    }

    /** Rows of one run that the other run lacks, both ways, comparing every column but {@link #MAY_DIFFER}. */
    public static long differences(SparkSession spark, String rawA, String runA, String rawB, String runB) {
        Dataset<Row> a = comparable(spark.read().parquet(rawA).where(col("run_id").equalTo(runA)));
        Dataset<Row> b = comparable(spark.read().parquet(rawB).where(col("run_id").equalTo(runB)));
        return a.exceptAll(b).count() + b.exceptAll(a).count();
    }

    private static Dataset<Row> comparable(Dataset<Row> raw) {
        Column[] kept = Arrays.stream(raw.columns()).filter(c -> !MAY_DIFFER.contains(c)).sorted().map(c -> col(c))
                .toArray(Column[]::new);
        return raw.select(kept);
    }

    /** Runs the recorded sweep into {@code target}; returns the number of differing rows. */
    public static long reproduce(SparkSession spark, String dir, String runId, String target, PrintWriter log)
            throws CommandError {
        Recorded original = recorded(spark, dir, runId);
        OutputFolder folder = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), target, OutputFolder.Existing.REFUSE);
        RunSummary run = new RunJob(spark, TIME_LIMIT_SECONDS, log).run(original.sweep(), folder, false);
        long differ = differences(spark, dir + "/raw", original.runId(), folder.table(RawTable.NAME), run.runId());
        log.printf("rerun of %s into %s: %s%n", original.runId(), target, differ == 0
                ? run.total() + " rows identical (all columns but " + String.join(", ", MAY_DIFFER) + ")"
                : differ + " rows differ").flush();
        return differ;
    }
}
