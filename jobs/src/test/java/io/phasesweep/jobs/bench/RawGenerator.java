package io.phasesweep.jobs.bench;

import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.spark.RunSummary;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

/**
 * The input of bench/analyze-scaling.sh: the raw and runs tables of a sweep as one completed run
 * would write them, for sweeps of up to 10⁷ points. Unlike {@code run}, no JVM holds the list of
 * points: each task makes its points from their index ({@link SweepExpander#point}) and runs them
 * by calling the model as {@code run} does, so the rows are those {@code run} writes (same keys, seeds
 * and values; run id and wall time aside). It calls the model in the task's thread, without
 * {@code run}'s thread per point that enforces time limits (about as costly as a microsecond
 * model): a model that throws stops the generator.
 *
 * <p>Usage: {@code RawGenerator SWEEP_FILE OUTDIR MASTER PARTITIONS [FROM COPIES]}: with FROM and
 * COPIES, the rows are {@link #copies} of FROM's raw instead (for 10⁷ rows in minutes, not an hour).
 */
public final class RawGenerator {
    private static final SweepParser.Limits UNLIMITED = SweepParser.Limits.DEFAULT.withMaxPoints(Long.MAX_VALUE);

    private RawGenerator() {
    }

    public static void main(String[] args) throws Exception {
        SweepFile sweep = SweepFile.load(Path.of(args[0]), ModelRegistry.load(), UNLIMITED);
        SparkSession spark = SparkSession.builder().appName("phasesweep raw generator").master(args[2]).getOrCreate();
        try {
            RunSummary run = args.length > 4 ? copies(spark, sweep, args[4], args[1], Integer.parseInt(args[5]))
                    : write(spark, sweep, args[0], args[1], Integer.parseInt(args[3]));
            System.out.printf("%s: %d raw rows (%d ok) of %s%n", args[1], run.total(), run.ok(), sweep.spec().name());
        } finally {
            spark.stop();
        }
    }

    /**
     * Writes the run into a new output folder {@code dir}.
     *
     * @param name the sweep file's name, for messages
     */
    public static RunSummary write(SparkSession spark, SweepFile sweep, String name, String dir, int partitions)
            throws CommandError {
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), dir, OutputFolder.Existing.REFUSE);
        String runId = "generated-" + UUID.randomUUID();
        Instant started = Instant.now();
        RunsTable.started(spark, out.table(RunsTable.NAME), sweep, runId, started);
        long total = SweepExpander.count(sweep.spec());
        RawTable table = RawTable.of(sweep.spec(), sweep.model());
        spark.range(0, total, 1, partitions)
                .mapPartitions(rows(sweep.text(), name, runId, table), Encoders.row(table.schema()))
                .write().mode(SaveMode.Append).parquet(out.table(RawTable.NAME));
        List<Row> written = spark.read().parquet(out.table(RawTable.NAME)).groupBy("status").count().collectAsList();
        RunSummary run = new RunSummary(runId, total, count(written, "ok"), count(written, "failed"), count(written, "timeout"));
        RunsTable.completed(spark, out.table(RunsTable.NAME), sweep, run, started, Instant.now(), Set.of());
        return run;
    }

    /**
     * Writes a run of {@code sweep} made of {@code copies} copies of the raw rows in folder
     * {@code from} (a run of the same sweep with 1/copies of its replicas): copy i of replica r is
     * replica r + i·R, its point key rewritten to match. Values repeat, which costs the analysis the
     * same as new ones: a benchmark input, not physics.
     */
    public static RunSummary copies(SparkSession spark, SweepFile sweep, String from, String dir, int copies)
            throws CommandError {
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), dir, OutputFolder.Existing.REFUSE);
        String runId = "copied-" + UUID.randomUUID();
        Instant started = Instant.now();
        RunsTable.started(spark, out.table(RunsTable.NAME), sweep, runId, started);
        Dataset<Row> raw = spark.read().parquet(from + "/" + RawTable.NAME);
        int replicas = sweep.spec().replicas() / copies;
        Column replica = col("replica").plus(col("_copy").multiply(replicas)).cast("int");
        raw.crossJoin(spark.range(copies).withColumnRenamed("id", "_copy"))
                .withColumn("point", concat(expr("substring(point, 1, length(point) - length(concat('|r=', replica)))"),
                        lit("|r="), replica))
                .withColumn("replica", replica)
                .withColumn("sweep", lit(sweep.spec().name()))
                .withColumn("run_id", lit(runId))
                .select(Arrays.stream(raw.columns()).map(c -> col(c)).toArray(Column[]::new))
                .write().mode(SaveMode.Append).parquet(out.table(RawTable.NAME));
        long total = spark.read().parquet(out.table(RawTable.NAME)).count();
        RunSummary run = new RunSummary(runId, total, total, 0, 0);
        RunsTable.completed(spark, out.table(RunsTable.NAME), sweep, run, started, Instant.now(), Set.of());
        return run;
    }

    /** Point indices in, raw rows out; the sweep is parsed again on the executor (a spec is not serializable). */
    private static MapPartitionsFunction<Long, Row> rows(String text, String name, String runId, RawTable table) {
        return indices -> {
            ModelRegistry registry = ModelRegistry.load();
            SweepSpec spec = SweepParser.parse(text, name, registry, UNLIMITED);
            Model model = registry.find(spec.model());
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return indices.hasNext();
                }

                @Override
                public Row next() {
                    Point p = SweepExpander.point(spec, indices.next());
                    long start = System.nanoTime();
                    try {
                        Measurement m = model.run(p.task(), new RandomStreams(Seeds.generator(p.disorderSeed()),
                                Seeds.generator(p.dynamicsSeed())), Deadline.after(60));
                        long wallMs = (System.nanoTime() - start) / 1_000_000;
                        return table.row(new RawRecord(p, RawRecord.Status.OK, null, wallMs, m), runId);
                    } catch (Exception e) {
                        throw new IllegalStateException("point " + p.key() + ": " + e, e);
                    }
                }
            };
        };
    }

    private static long count(List<Row> byStatus, String status) {
        return byStatus.stream().filter(r -> status.equals(r.getString(0))).mapToLong(r -> r.getLong(1)).sum();
    }
}
