package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.ProbeSweeps;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.CurrentRaw;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --resume}: a grown sweep runs only its new points, failed points run again, the result equals one fresh run. */
class ResumeTest {
    /** 2 sizes x 3 values x 2 replicas = 12 points; the 4 at x=0.2 fail with a NaN. */
    static final String SMALL = ProbeSweeps.PROBE_SWEEP;
    /** Grown: one more size, one more x value, one more replica: 3 x 4 x 3 = 36 points. */
    static final String GROWN = SMALL.replace("x: [0.1, 0.2, 0.3]", "x: [0.1, 0.2, 0.3, 0.4]")
            .replace("sizes: [4, 8]", "sizes: [4, 8, 16]").replace("replicas: 2", "replicas: 3");

    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private RunSummary run(String sweepText, String dir, boolean resume) throws Exception {
        Path file = Files.writeString(tmp.resolve(dir + ".yaml"), sweepText);
        SweepFile sweep = SweepFile.load(file, ModelRegistry.load());
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve(dir).toString(),
                resume ? OutputFolder.Existing.RESUME : OutputFolder.Existing.REFUSE);
        return new RunJob(spark, 60, 3, new PrintWriter(new StringWriter())).run(sweep, out, resume);
    }

    private List<String> current(String dir) throws Exception {
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve(dir).toString(),
                OutputFolder.Existing.RESUME);
        return CurrentRaw.read(spark, out).rows().collectAsList().stream().map(ProbeSweeps::fingerprint).sorted().toList();
    }

    @Test
    void aGrownSweepRunsOnlyNewAndFailedPointsAndEqualsOneFreshRun() throws Exception {
        RunSummary first = run(SMALL, "grown", false);
        assertEquals(new RunSummary(first.runId(), 12, 8, 4, 0, first.runsRows()), first);

        RunSummary second = run(GROWN, "grown", true);
        // 36 points, 8 already ok; the 4 NaN points of the first run run again (and fail again)
        assertEquals(28, second.total());
        // ok: every point but the 9 at x=0.2 (3 sizes x 3 replicas), each once
        var ok = spark.read().parquet(tmp.resolve("grown").resolve("raw").toString()).where("status = 'ok'");
        assertEquals(27, ok.count());
        assertEquals(27, ok.select("point").distinct().count());

        run(GROWN, "fresh", false);
        List<String> expected = current("fresh");
        assertEquals(36, expected.size());
        assertEquals(expected, current("grown"));
        assertEquals(java.util.Set.of(first.runId(), second.runId()),
                RunsTable.finishedRunIds(spark, tmp.resolve("grown").resolve("runs").toString()));
        assertTrue(RunsTable.unfinishedRunIds(spark, tmp.resolve("grown").resolve("runs").toString()).isEmpty());
    }

    @Test
    void resumingAFinishedSweepRunsOnlyItsFailedPoints() throws Exception {
        run(SMALL, "again", false);
        RunSummary again = run(SMALL, "again", true);
        assertEquals(4, again.total());
        assertEquals(4, again.failed());
    }

    /** What may change between runs in one folder: checked on the parsed sweeps, without Spark. */
    @Test
    void onlyGrowthAndTheTimeLimitMayChange() throws Exception {
        assertEquals(null, difference(SMALL, GROWN));
        assertEquals(null, difference(SMALL, SMALL.replace("draws: 5", "draws: 5\n  time_limit: 9")));
        assertEquals("seed 7 is now 8", difference(SMALL, SMALL.replace("seed: 7", "seed: 8")));
        assertEquals("params.nan_at 0.2 is now 0.3", difference(SMALL, SMALL.replace("nan_at: 0.2", "nan_at: 0.3")));
        assertEquals("budget.draws 5.0 is now 6.0", difference(SMALL, SMALL.replace("draws: 5", "draws: 6")));
        assertEquals("name probe-cli is now other", difference(SMALL, SMALL.replace("name: probe-cli", "name: other")));
    }

    @Test
    void aChangedSweepCannotResumeAndWritesNothing() throws Exception {
        run(SMALL, "seed", false);
        long runs = spark.read().parquet(tmp.resolve("seed").resolve("runs").toString()).count();
        CommandError e = assertThrows(CommandError.class, () -> run(SMALL.replace("seed: 7", "seed: 8"), "seed", true));
        assertTrue(e.getMessage().contains(": seed 7 is now 8; only sizes, replicas and axis values may change"),
                e.getMessage());
        assertEquals(runs, spark.read().parquet(tmp.resolve("seed").resolve("runs").toString()).count());
    }

    private static String difference(String before, String now) throws Exception {
        ModelRegistry registry = ModelRegistry.load();
        return Resume.difference(SweepParser.parse(before, "before", registry), SweepParser.parse(now, "now", registry));
    }
}
