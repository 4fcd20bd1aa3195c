package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.bench.RawGenerator;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --resume} on a folder of 10⁵ raw rows decides what to run without gathering the rows
 * on the driver: no task of the whole resumed run sends the driver more than a task's bookkeeping
 * (the former driver loop received point, status and run id of every row, and a broadcast join
 * with raw's ok points would gather them too), and the run adds exactly the points the grown sweep
 * lacks.
 */
class ResumeAtScaleTest {
    /** 2 sizes x 10 values of x x 5000 replicas = 10⁵ points, all ok. */
    private static final String SWEEP = """
            name: probe-resume
            model: probe
            seed: 9
            axes:
              x: {from: 0, to: 0.9, steps: 10}
            sizes: [4, 8]
            replicas: 5000
            budget:
              draws: 1
            """;
    private static final long ROWS = 100_000;
    /**
     * The most bytes a task may send the driver: rows of raw would take more (raw's 10⁵ rows are in
     * 4 files; a quarter of their point keys alone is 500 KB before compression).
     */
    private static final long TASK_RESULT_BYTES = 16 * 1024;

    @TempDir
    Path tmp;

    @Test
    void noTaskSendsTheDriverRawRowsAndOnlyTheNewPointsRun() throws Exception {
        SparkSession spark = TestSpark.session();
        Path first = Files.writeString(tmp.resolve("first.yaml"), SWEEP);
        String dir = tmp.resolve("out").toString();
        RawGenerator.write(spark, SweepFile.load(first, ModelRegistry.load()), first.toString(), dir, 4);
        // one more replica: 2 sizes x 10 values of x = 20 new points
        Path grown = Files.writeString(tmp.resolve("grown.yaml"), SWEEP.replace("replicas: 5000", "replicas: 5001"));
        SweepFile sweep = SweepFile.load(grown, ModelRegistry.load());
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), dir, OutputFolder.Existing.RESUME);

        List<PointGroup> groups = SweepExpander.groups(sweep.spec(), sweep.model());
        Resume earlier = Resume.read(spark, out, sweep, ModelRegistry.load(), groups);
        Set<String> added = groups.stream().flatMap(g -> g.points().stream()).filter(p -> p.replica() == 5000)
                .map(Point::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(20, added.size());
        assertEquals(added, new TreeSet<>(earlier.pending()));
        assertEquals(ROWS, earlier.okPoints());
        assertEquals(1, earlier.runIds().size());

        ResultBytes received = new ResultBytes();
        spark.sparkContext().listenerBus().waitUntilEmpty();
        spark.sparkContext().addSparkListener(received);
        RunSummary run;
        try {
            run = new RunJob(spark, 60, new PrintWriter(new StringWriter())).run(sweep, out, true);
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().removeSparkListener(received);
        }
        assertEquals(new RunSummary(run.runId(), 20, 20, 0, 0, run.runsRows()), run);
        assertEquals(ROWS + 20, spark.read().parquet(out.table(RawTable.NAME)).count());
        // a task's result without rows (metrics, a count, a commit message) is 2-8 KB
        assertTrue(received.largest.get() < TASK_RESULT_BYTES, "a task of the resumed run sent the driver "
                + received.largest.get() + " bytes (" + received.total.get() + " in all) for " + ROWS + " raw rows");
    }

    /** Bytes of task results (a collect's rows, a count, a write's commit message) the driver received. */
    private static final class ResultBytes extends SparkListener {
        final AtomicLong total = new AtomicLong();
        final AtomicLong largest = new AtomicLong();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
                total.addAndGet(end.taskMetrics().resultSize());
                largest.accumulateAndGet(end.taskMetrics().resultSize(), Math::max);
            }
        }
    }
}
