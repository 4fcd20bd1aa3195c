package io.phasesweep.jobs;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * A run reproduced from its row of {@code runs}: the sweep file as it was written, run again, and
 * the new rows compared with the old. Rows must be identical except for the run id and the wall
 * time (and the message of a timeout, which depends on the machine's load).
 */
final class Rerun {
    /** Columns that may differ between a run and its reproduction. */
    static final List<String> MAY_DIFFER = List.of("run_id", "wall_ms", "error");
    /**
     * Time limit of a point whose sweep sets none (as {@code run}'s default): a timeout depends on
     * the machine, so a sweep that must reproduce exactly keeps its points well inside it.
     */
    static final double TIME_LIMIT_SECONDS = 3600;

    /** A run of {@code runs} and its sweep. */
    record Recorded(String runId, SweepFile sweep) {
    }

    private Rerun() {
    }

    /** Run {@code runId}, or the latest run when null. */
    static Recorded recorded(SparkSession spark, String dir, String runId) throws CommandError {
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
    static long differences(SparkSession spark, String rawA, String runA, String rawB, String runB) {
        Dataset<Row> a = comparable(spark.read().parquet(rawA).where(col("run_id").equalTo(runA)));
        Dataset<Row> b = comparable(spark.read().parquet(rawB).where(col("run_id").equalTo(runB)));
        return a.exceptAll(b).count() + b.exceptAll(a).count();
    }

    private static Dataset<Row> comparable(Dataset<Row> raw) {
        Column[] kept = Arrays.stream(raw.columns()).filter(c -> !MAY_DIFFER.contains(c)).sorted().map(c -> col(c))
                .toArray(Column[]::new);
        return raw.select(kept);
    }
}
