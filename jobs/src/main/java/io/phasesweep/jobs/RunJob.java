package io.phasesweep.jobs;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.run.PointRunner;
import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;

/**
 * The Spark driver of {@code phasesweep run}: expands the sweep into units of work, spreads them
 * longest-first over partitions (one bin of many points per task), runs each through the engine's
 * {@link PointRunner} on the executors, appends the rows to {@code raw} and one provenance row to
 * {@code runs}.
 *
 * <p>Rows do not depend on the partitioning: every seed follows from the sweep's seed and the
 * point's key, and Spark's commit protocol keeps a retried task from writing its rows twice.
 */
public final class RunJob {
    private final SparkSession spark;
    private final double defaultLimitSeconds;
    private final PrintWriter log;

    /**
     * @param defaultLimitSeconds time limit of a point whose sweep has no {@code time_limit} budget
     * @param log                 where progress lines go
     */
    public RunJob(SparkSession spark, double defaultLimitSeconds, PrintWriter log) {
        this.spark = spark;
        this.defaultLimitSeconds = defaultLimitSeconds;
        this.log = log;
    }

    /** Runs the sweep with a few bins per core of the session. */
    public RunSummary run(SweepFile sweep, OutputFolder out) {
        return run(sweep, out, 0);
    }

    /** Runs the sweep in exactly {@code bins} partitions (fewer when there are fewer groups), or 0 for the default. */
    RunSummary run(SweepFile sweep, OutputFolder out, int bins) {
        SweepSpec spec = sweep.spec();
        Model model = sweep.model();
        Instant started = Instant.now();
        String runId = spec.name() + "-" + started.toString().replaceAll("[-:]|\\.\\d+", "")
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<PointGroup> groups = SweepExpander.groups(spec, model);
        long total = groups.stream().mapToLong(g -> g.points().size()).sum();
        int binCount = bins > 0 ? Math.min(bins, groups.size())
                : Bins.count(groups.size(), spark.sparkContext().defaultParallelism());
        List<List<PointGroup>> work = Bins.longestFirst(groups, binCount);
        log.printf("%s: %d points in %d groups, %d tasks, run %s%n", spec.name(), total, groups.size(), work.size(), runId).flush();

        RawTable table = RawTable.of(spec, model);
        LongAccumulator done = spark.sparkContext().longAccumulator("points done");
        JavaRDD<Row> rows = runBins(work, model.id(), table, runId, done);
        Progress progress = new Progress(done, total, log);
        spark.sparkContext().addSparkListener(progress);
        try {
            spark.createDataFrame(rows, table.schema()).write().mode(SaveMode.Append).parquet(out.table("raw"));
        } finally {
            spark.sparkContext().removeSparkListener(progress);
        }

        RunSummary summary = count(out, runId, total);
        RunsTable.append(spark, out.table("runs"), sweep, summary, started, Instant.now());
        return summary;
    }

    private JavaRDD<Row> runBins(List<List<PointGroup>> work, String modelId, RawTable table, String runId,
                                 LongAccumulator done) {
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
                    for (PointGroup group : bin) {
                        for (RawRecord r : runner.run(group)) {
                            out.add(table.row(r, runId));
                        }
                        done.add(group.points().size());
                    }
                    return out.iterator();
                });
    }

    private RunSummary count(OutputFolder out, String runId, long total) {
        long ok = 0;
        long failed = 0;
        long timeout = 0;
        for (Row r : spark.read().parquet(out.table("raw")).where(col("run_id").equalTo(runId))
                .groupBy("status").count().collectAsList()) {
            switch (RawRecord.Status.valueOf(r.getString(0).toUpperCase(java.util.Locale.ROOT))) {
                case OK -> ok = r.getLong(1);
                case FAILED -> failed = r.getLong(1);
                case TIMEOUT -> timeout = r.getLong(1);
            }
        }
        return new RunSummary(runId, total, ok, failed, timeout);
    }
}
